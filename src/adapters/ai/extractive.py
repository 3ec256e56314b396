"""The offline reply engine: extractive answers from supplied context, templates for everything else.

No model and no network: the reply is either sentences copied from the context the caller supplied (the
ones sharing the most informative words with the question) or a fixed template chosen by intent. It never
invents facts; when the context does not cover the question it says so.

Context convention: text after a line starting `Context:` in the system instruction or in the last user
turn (the question is the text before it, an optional `Question:` prefix removed).
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

from application.ai.ports import Prompt, Role
from application.nlp.ports import Intent

WORD = re.compile(r"[a-z0-9\u0900-\u097f]+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
CONTEXT_MARK = re.compile(r"^\s*context\s*:\s*", re.IGNORECASE | re.MULTILINE)
STOPWORDS = frozenset(
    " ".join(
        (
            "a an the is are was were be been am i me my we our you your it its this that these those of to",
            "in on at for from by with and or but if so do does did can could would should will shall may",
            "might what when where which who whom why how there here about into than then them they he she",
            "his her has have had not no any all some please tell know want need kya hai ka ki ke ko se mein",
            "main hum aap mujhe",
        )
    ).split()
)
GREETING = re.compile(r"^\W*(hi+|hello+|hey+|hii+|namaste|namaskar|good (morning|afternoon|evening))\b", re.I)
THANKS = re.compile(r"\b(thanks|thank you|thx|dhanyavaad|dhanyavad|shukriya)\b", re.IGNORECASE)
MAX_SENTENCES = 2
RUNNER_UP_SHARE = 0.5  # a second sentence is quoted only when it scores at least half the best

REFERENCE_HINT = "the booking reference (like BK-20261125-0001)"
TEMPLATES = {
    Intent.GREETING: (
        "Namaste! I'm Nexora's assistant. I can help you book a home service, check, reschedule or cancel a "
        "booking, raise a complaint, or answer questions about our services and policies."
    ),
    Intent.BOOK_SERVICE: (
        "I can help you book that. Please tell me the service, your pincode and when you would like it."
    ),
    Intent.CANCEL_BOOKING: f"I can help you cancel. Please share {REFERENCE_HINT}.",
    Intent.RESCHEDULE_BOOKING: (
        f"I can help you reschedule. Please share {REFERENCE_HINT} and the new date and time you prefer."
    ),
    Intent.BOOKING_STATUS: f"I can check that for you. Please share {REFERENCE_HINT}.",
    Intent.COMPLAINT: (
        f"I'm sorry about that. Please share {REFERENCE_HINT} and what went wrong, and I will raise a "
        "complaint for you."
    ),
    Intent.POLICY_QUESTION: (
        "I could not find that in Nexora's policies. Please rephrase, or ask about cancellations, refunds, "
        "rework, warranty, safety or privacy."
    ),
    Intent.SERVICE_INFO: (
        "I could not find details on that service. Please tell me which service you mean, for example AC "
        "repair, plumbing or cleaning."
    ),
    Intent.OUT_OF_SCOPE: (
        "I can only help with Nexora's home services: bookings, cancellations, rescheduling, complaints and "
        "questions about our services and policies."
    ),
}
THANKS_REPLY = "You're welcome! Is there anything else I can help you with?"


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    context: str


def split_prompt(prompt: Prompt) -> Question:
    """The user's question, and the context supplied with it (`Context:` blocks of system and user)."""
    last = next((t.text for t in reversed(prompt.turns) if t.role is Role.USER), "")
    question, _, user_context = _split(last)
    _, _, system_context = _split(prompt.system or "")
    question = re.sub(r"^\s*question\s*:\s*", "", question.strip(), flags=re.IGNORECASE)
    return Question(text=question.strip(), context="\n".join(filter(None, (system_context, user_context))))


def _split(text: str) -> tuple[str, bool, str]:
    match = CONTEXT_MARK.search(text)
    if match is None:
        return text, False, ""
    return text[: match.start()], True, text[match.end() :]


def terms(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    return [
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in STOPWORDS and len(w) > 1
    ]


def best_sentences(question: str, context: str, limit: int = MAX_SENTENCES) -> list[str]:
    """Up to `limit` context sentences that share the most informative words with the question, in the order
    they appear in the context; none when no sentence shares a word."""
    sentences = [s.strip(" -*\t") for s in SENTENCE_END.split(context) if not _heading(s.strip(" -*\t"))]
    wanted = set(terms(question))
    if not sentences or not wanted:
        return []
    bags = [Counter(terms(s)) for s in sentences]
    document_frequency = Counter(t for bag in bags for t in set(bag))
    scored = []
    for index, bag in enumerate(bags):
        shared = wanted & bag.keys()
        if shared:
            weight = sum(math.log(1 + len(sentences) / document_frequency[t]) for t in shared)
            scored.append((weight / math.sqrt(1 + sum(bag.values())) * len(shared), index))
    top = sorted(scored, key=lambda pair: (-pair[0], pair[1]))[:limit]
    top = [pair for pair in top if pair[0] >= top[0][0] * RUNNER_UP_SHARE] if top else []
    return [sentences[index] for _, index in sorted(top, key=lambda pair: pair[1])]


def _heading(line: str) -> bool:
    """Headings and fragments name a topic but answer nothing: never quoted."""
    return line.startswith("#") or (len(line.split()) < 4 and not line.endswith((".", "!", "?")))


def small_talk(question: str) -> str | None:
    """A reply to a bare greeting or thanks (short messages only), else None."""
    if len(question.split()) > 6:
        return None
    if THANKS.search(question):
        return THANKS_REPLY
    if GREETING.match(question):
        return TEMPLATES[Intent.GREETING]
    return None


def compose(question: Question, intent: Intent | None) -> str:
    """The offline reply: small talk, else context sentences, else the template of the intent."""
    reply = small_talk(question.text)
    if reply is not None:
        return reply
    if question.context:
        found = best_sentences(question.text, question.context)
        if found:
            return " ".join(s if s.endswith((".", "!", "?")) else s + "." for s in found)
        if intent is None or intent in (Intent.POLICY_QUESTION, Intent.SERVICE_INFO, Intent.OUT_OF_SCOPE):
            return "I could not find that in the information I have. " + TEMPLATES[Intent.OUT_OF_SCOPE]
    return TEMPLATES[intent or Intent.OUT_OF_SCOPE]
