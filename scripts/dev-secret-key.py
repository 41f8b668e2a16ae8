"""Write the development secret key to <COLLEGE_VAR_DIR>/secret_key once (`make dev-key`).

college.settings.dev reads the file when SECRET_KEY is not in the environment; the settings
themselves never write, so importing them leaves no trace.  An existing key is kept, so that
sessions survive restarts.
"""

import os
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from college.settings.base import VAR_DIR  # noqa: E402  (importing the base settings writes nothing)


def ensure_dev_secret_key(var_dir: Path) -> Path:
    """Create ``var_dir`` and a random key file in it unless the file already holds a key."""
    key_file = var_dir / "secret_key"
    if key_file.exists() and key_file.read_text().strip():
        return key_file
    var_dir.mkdir(parents=True, exist_ok=True)
    # Created readable by the owner only, before the key is written into it.
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(50))
    return key_file


if __name__ == "__main__":
    if os.environ.get("SECRET_KEY"):
        print("SECRET_KEY is set in the environment; var/secret_key is not needed.")
    else:
        ensure_dev_secret_key(VAR_DIR)
