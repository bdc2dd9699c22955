"""Install a throwaway unlint plugin for real: a hand-made wheel, pip-installed into a folder.

Tests put the folder on ``PYTHONPATH`` of an ``unlint`` subprocess, so the
plugin is found through its entry point exactly as a user's would be, in
every worker process of a parallel run. Loaded by path (tests are not a
package): ``load_helper()`` in the test files.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path


def build_wheel(folder: Path, dist: str, files: dict[str, str]) -> Path:
    """A minimal wheel, written by hand so that no build backend or network is needed."""
    records = []
    wheel = folder / f"{dist}-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, text in files.items():
            data = text.encode("utf-8")
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            archive.writestr(name, data)
            records.append(f"{name},sha256={digest},{len(data)}")
        records.append(f"{dist}-0.1.dist-info/RECORD,,")
        archive.writestr(f"{dist}-0.1.dist-info/RECORD", "\n".join(records) + "\n")
    return wheel


def install_plugin(folder: Path, module: str, source: str, entry_point: str) -> Path:
    """Install module ``module`` (``source``) registering ``entry_point`` under ``unlint.rules``; returns the site."""
    dist = module
    info = f"{dist}-0.1.dist-info"
    wheel = build_wheel(folder, dist, {
        f"{module}/__init__.py": source,
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {dist.replace('_', '-')}\nVersion: 0.1\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": f"[unlint.rules]\n{entry_point} = {module}\n",
    })
    site = folder / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target",
                    str(site), str(wheel)], check=True, capture_output=True)
    return site
