"""Settings of the language model: provider switch, API key, prices; wrong values stop the start."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from entrypoints.cli.main import cli
from entrypoints.settings import InvalidSettings, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("NEXORA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_offline_is_the_default_provider_and_needs_no_key() -> None:
    settings = load_settings()

    assert settings.llm_provider == "offline"
    assert settings.gemini_api_key is None
    assert settings.llm_price_table["gemini-2.5-flash"] == (Decimal("0.30"), Decimal("2.50"))


def test_gemini_provider_refuses_to_start_when_the_api_key_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEXORA_LLM_PROVIDER", "gemini")
    monkeypatch.setenv("NEXORA_GEMINI_API_KEY", "  ")

    with pytest.raises(InvalidSettings) as caught:
        load_settings()

    assert "NEXORA_GEMINI_API_KEY is required when NEXORA_LLM_PROVIDER=gemini" in str(caught.value)


def test_cli_exits_with_a_clear_message_when_gemini_has_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(cli, ["ai", "usage"], env={"NEXORA_LLM_PROVIDER": "gemini"})

    assert result.exit_code == 2
    assert "NEXORA_GEMINI_API_KEY is required" in result.output


def test_api_key_is_never_printed_when_the_settings_are_shown_or_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEXORA_LLM_PROVIDER", "gemini")
    monkeypatch.setenv("NEXORA_GEMINI_API_KEY", "AIza-very-secret")
    assert "AIza-very-secret" not in repr(load_settings())

    monkeypatch.setenv("NEXORA_LLM_MAX_ATTEMPTS", "0")
    with pytest.raises(InvalidSettings) as caught:
        load_settings()
    assert "NEXORA_LLM_MAX_ATTEMPTS" in str(caught.value)
    assert "AIza-very-secret" not in str(caught.value)


@pytest.mark.parametrize("prices", ["flash=0.3", "flash=abc/1", "=0.1/0.2", "flash=-1/2"])
def test_malformed_prices_are_refused_with_the_expected_format(
    monkeypatch: pytest.MonkeyPatch, prices: str
) -> None:
    monkeypatch.setenv("NEXORA_LLM_PRICES", prices)

    with pytest.raises(InvalidSettings, match=r"NEXORA_LLM_PRICES.*model=input/output"):
        load_settings()


def test_base_url_must_be_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_GEMINI_BASE_URL", "ftp://proxy")

    with pytest.raises(InvalidSettings, match="NEXORA_GEMINI_BASE_URL"):
        load_settings()
