"""A logged traceback never prints the local variables of its frames (API keys, customer text)."""

import logging

import pytest
import structlog

from entrypoints.observability import configure_logging

SECRET = "AIzaSy-very-secret-key-123"
CUSTOMER_TEXT = "my neighbour Priya at flat 4B"


def _call_the_model() -> None:
    headers = {"x-goog-api-key": SECRET}
    text = CUSTOMER_TEXT
    raise RuntimeError(f"model failed after {len(headers)} headers and {len(text)} characters")


@pytest.mark.parametrize("json_logs", [False, True])
def test_logged_exception_hides_locals_of_the_failing_frame_when_rendered_as_console_or_json(
    json_logs: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(level="INFO", json_logs=json_logs)
    try:
        try:
            _call_the_model()
        except RuntimeError:
            structlog.get_logger("nexora.test").exception("http.unhandled_error", path="/api/v1/nlp/intents")
            logging.getLogger("nexora.stdlib").exception("stdlib logger too")
    finally:
        structlog.reset_defaults()
        logging.getLogger().handlers.clear()

    output = capsys.readouterr().err
    assert "RuntimeError" in output
    assert "model failed" in output
    assert "_call_the_model" in output
    assert SECRET not in output
    assert CUSTOMER_TEXT not in output
