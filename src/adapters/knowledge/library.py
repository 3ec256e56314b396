"""The documents shipped inside the package: Nexora's own policies (Markdown under policies/)."""

from importlib import resources

from application.knowledge.ports import ShippedFile
from domain.knowledge.document import DocumentKind


class PackagedPolicyLibrary:
    """The DocumentLibrary port over adapters/knowledge/policies/*.md, by file name."""

    def files(self) -> list[ShippedFile]:
        folder = resources.files("adapters.knowledge").joinpath("policies")
        entries = sorted((e for e in folder.iterdir() if e.name.endswith(".md")), key=lambda e: e.name)
        return [ShippedFile(e.name, e.read_bytes(), DocumentKind.POLICY) for e in entries]
