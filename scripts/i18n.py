"""Qt translation sources for each area of the app.

    python scripts/i18n.py update   # extract strings into resources/i18n/<area>_zh_CN.ts (keeps translations)
    python scripts/i18n.py build    # compile .ts into .qm with lrelease
    python scripts/i18n.py check    # fail if a string in the code has no Chinese translation

Sources are English; Qt's own pyside6-lupdate reads ``self.tr(...)`` and ``translate("Ctx", ...)`` calls.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "studio_app"
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)

# First matching prefix wins; everything else belongs to "app" (the foundation).
AREAS: dict[str, tuple[str, ...]] = {
    "checks": (
        "probes/",
        "cli/check.py",
        "ui/check_panel.py",
        "ui/checks/",
        "store/models/checks.py",
    ),
    "script": (
        "script/",
        "cli/script.py",
        "promo/",
        "ui/script_panel.py",
        "ui/prompter/",
        "ui/script/",
        "store/models/script.py",
    ),
    "showday": (
        "showday/",
        "ui/gate/",
        "store/models/showday.py",
    ),
    "liveroom": (
        "liveroom/",
        "ui/liveroom/",
        "store/models/liveroom.py",
    ),
    "data": (
        "store/models/data.py",
        "store/models/sync.py",
        "metrics/",
        "sync/",
        "server/",
        "cli/data.py",
        "cli/sync.py",
        "cli/serve.py",
        "ui/data_panel.py",
        "ui/data/",
        "ui/sync_status.py",
        "ui/sync_labels.py",
        "ui/sync_settings.py",
    ),
    "remote": (
        "remote/",
        "cli/remote.py",
        "ui/remote/",
        "store/models/remote.py",
    ),
}


def area_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE).as_posix()
    for area, prefixes in AREAS.items():
        if any(rel == p or rel.startswith(p) for p in prefixes):
            return area
    return "app"


def sources_by_area() -> dict[str, list[Path]]:
    result: dict[str, list[Path]] = {area: [] for area in ("app", *AREAS)}
    for path in sorted(PACKAGE.rglob("*.py")):
        result[area_of(path)].append(path)
    return result


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(candidate) if candidate.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def ts_path(area: str, lang: str) -> Path:
    return I18N_DIR / f"{area}_{lang}.ts"


def _lupdate(files: list[Path], ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *map(str, files), "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )


def update() -> None:
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    for area, files in sources_by_area().items():
        for lang in LANGUAGES:
            if files:
                _lupdate(files, ts_path(area, lang))


def build(out_dir: Path = I18N_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(I18N_DIR.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def untranslated() -> list[str]:
    """Strings in the code whose Chinese translation is missing, as 'area: context: source'."""
    missing: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for area, files in sources_by_area().items():
            for lang in LANGUAGES:
                if not files:
                    continue
                scratch = Path(tmp) / f"{area}_{lang}.ts"
                if ts_path(area, lang).exists():
                    shutil.copy(ts_path(area, lang), scratch)
                _lupdate(files, scratch)
                for context in ET.parse(scratch).getroot().iter("context"):
                    name = context.findtext("name")
                    for message in context.iter("message"):
                        translation = message.find("translation")
                        if (
                            translation is None
                            or translation.get("type") == "unfinished"
                            or not (translation.text or "").strip()
                        ):
                            missing.append(f"{area}: {name}: {message.findtext('source')}")
    return missing


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "build":
        for qm in build():
            print(qm.relative_to(ROOT))
    elif command == "check":
        missing = untranslated()
        for line in missing:
            print(line)
        print(f"{len(missing)} untranslated string(s)")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
