"""What a newcomer reads stays in step with the code: .env.example documents every setting."""

import re
from pathlib import Path

from entrypoints.settings import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parents[2]


def _documented(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^(NEXORA_[A-Z0-9_]+)=(.*)$", line)
        if match:
            pairs[match.group(1)] = match.group(2)
    return pairs


def test_env_example_documents_every_setting_when_compared_with_the_settings_class() -> None:
    documented = _documented(ROOT / ".env.example")
    expected = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    assert set(documented) == expected


def test_env_example_values_are_accepted_when_loaded_as_settings() -> None:
    values = {
        k.removeprefix(ENV_PREFIX).lower(): v for k, v in _documented(ROOT / ".env.example").items() if v
    }
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    assert settings.database_url.startswith("sqlite+aiosqlite://")
    assert settings.redis_url is None


def test_readme_mentions_every_setting_when_read_by_a_newcomer() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [
        ENV_PREFIX + name.upper() for name in Settings.model_fields if ENV_PREFIX + name.upper() not in readme
    ]
    assert missing == []
