"""What only the offline embedder promises: it works with no network and nothing downloaded, and it ranks
marketplace texts usefully."""

import json
import os
import subprocess
import sys
from pathlib import Path

from adapters.ai.wordllama_embedder import WordLlamaEmbedder
from application.ai.ports import EmbeddingTask

ROOT = Path(__file__).resolve().parents[2]
OFFLINE_PROBE = """
import asyncio, socket
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
from adapters.ai.wordllama_embedder import WordLlamaEmbedder
print(len((asyncio.run(WordLlamaEmbedder().embed(["AC not cooling"])))[0]))
"""


def test_weights_load_without_network_or_downloads_when_offline(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "HF_HOME": str(home / "hf"),
        "HF_HUB_OFFLINE": "1",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "PYTHONPATH": f"{ROOT / 'src'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "256"
    assert list(home.iterdir()) == []  # no cache folder, no downloaded file


async def test_the_right_policy_or_service_ranks_in_the_top_3_when_asked_in_own_words() -> None:
    labelled = json.loads((ROOT / "tests/data/embedding_queries.json").read_text())
    names = list(labelled["documents"])
    embedder = WordLlamaEmbedder()
    documents = await embedder.embed(list(labelled["documents"].values()))
    queries = await embedder.embed([q["query"] for q in labelled["queries"]], task=EmbeddingTask.QUERY)
    hits = 0
    for query, wanted in zip(queries, (q["document"] for q in labelled["queries"]), strict=True):
        scores = sorted(
            (
                (sum(a * b for a, b in zip(query, d, strict=True)), n)
                for d, n in zip(documents, names, strict=True)
            ),
            reverse=True,
        )
        hits += wanted in [name for _, name in scores[:3]]
    assert hits / len(queries) >= 0.9  # 34 of 36 when measured (README)


async def test_paraphrases_score_higher_than_unrelated_requests_when_compared() -> None:
    tap, plumber, haircut = await WordLlamaEmbedder().embed(
        ["my kitchen sink is leaking", "need a plumber to fix a leaking tap", "haircut at home for ladies"]
    )
    related = sum(a * b for a, b in zip(tap, plumber, strict=True))
    unrelated = sum(a * b for a, b in zip(tap, haircut, strict=True))
    assert related > unrelated + 0.2
