# Sourced by scripts/test and scripts/bench: the pinned Python peers in .build/interop-venv.
# Sets $venv; (re)creates it when Tests/Interop/requirements.txt changed.
venv="$root/.build/interop-venv"
requirements="$root/Tests/Interop/requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    echo "==> preparing the Python interop peers ($venv)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    echo "$want" > "$stamp"
fi
