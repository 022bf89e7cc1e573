"""The folders of a run, checked before any work: outputs must never replace a brief of the
collection or a file of the style they are made with."""

from __future__ import annotations

from pathlib import Path

from ..errors import BriefexportError
from ..shared.paths import lies_within, same_folder
from .leftovers import UNFINISHED_NAME
from .manifest import MANIFEST_NAME
from .watch import SettingsWatch


def overlap(collection: Path, output_dir: Path) -> str | None:
    """Why outputs written below ``output_dir`` could replace files of the collection."""
    if same_folder(output_dir, collection):
        return "the output folder must differ from the collection"
    if lies_within(collection, output_dir):
        return "the collection lies inside the output folder, whose outputs could replace it"
    if lies_within(output_dir, collection) and _holds_other_files(output_dir):
        return (
            "lies inside the collection and holds files that briefexport did not write there;"
            " choose a new or empty folder"
        )
    return None


def _holds_other_files(output_dir: Path) -> bool:
    """Whether an output folder inside the collection holds anything but a batch's outputs
    (which its manifest marks)."""
    if not output_dir.is_dir() or (output_dir / MANIFEST_NAME).is_file():
        return False
    if (output_dir / UNFINISHED_NAME).is_file():  # a first run that did not end
        return False
    return any(output_dir.iterdir())


def refuse_output_in_style(output_dir: Path, watch: SettingsWatch) -> None:
    """Raise :class:`BriefexportError` if the output folder lies in a folder of the style (the
    style folder, a font folder of the brand's), whose every file the outputs are made with:
    they would change it as they are written, and no run would ever find them up to date."""
    for folder in (watch.style_dir, *watch.font_folders):
        if lies_within(output_dir, folder):
            raise BriefexportError(
                f"{output_dir}: lies inside {folder}, a folder of the style that every output is"
                " made with (outputs would change it as they are written); choose another"
                " output folder"
            )
