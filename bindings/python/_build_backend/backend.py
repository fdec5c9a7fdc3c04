"""A PEP 517 build backend in the standard library alone, for `pip install ./bindings/python` with no
network: it writes the wheel (a zip of the package, its metadata and RECORD) itself.

The wheel bundles libcompact.so when it can find one: the file the COMPACT_LIBRARY environment
variable names, else the newer of the repository's build/release and build/dev libraries. A wheel
with the library is tagged for this platform; without it, it is pure Python and finds the library at
run time (COMPACT_LIBRARY, or the system's library path). The files carry a fixed date, so that one
tree builds one wheel, byte for byte."""

import base64
import hashlib
import io
import os
import pathlib
import re
import sysconfig
import tarfile
import zipfile

HERE = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = "compact"


# Every file in the wheel and the sdist is dated 1980-01-01, the earliest a zip can say.
EPOCH = (1980, 1, 1, 0, 0, 0)


def _project():
    """The [project] table's plain `key = "value"` lines: all this backend reads. (tomllib is only in
    Python 3.11 and later.)"""
    text = (HERE / "pyproject.toml").read_text("utf-8")
    table = text.split("[project]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r'^([a-z-]+) = "([^"]*)"', table, re.M))


def _library():
    explicit = os.environ.get("COMPACT_LIBRARY")
    if explicit:
        path = pathlib.Path(explicit)
        if not path.is_file():
            raise FileNotFoundError(f"COMPACT_LIBRARY names {path}, which is not a file")
        return path
    built = [HERE.parent.parent / "build" / build / "lib" / "libcompact.so"
             for build in ("release", "dev")]
    built = [path.resolve() for path in built if path.is_file()]
    return max(built, key=lambda path: path.stat().st_mtime) if built else None


def _metadata(project):
    return (f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
            f"Summary: {project['description']}\nRequires-Python: {project['requires-python']}\n")


def _dist_info(project):
    return f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    project = _project()
    info = pathlib.Path(metadata_directory) / _dist_info(project)
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(_metadata(project), encoding="utf-8")
    return info.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = _project()
    library = _library()
    tag = "py3-none-" + (sysconfig.get_platform().replace("-", "_").replace(".", "_")
                         if library else "any")
    files = _sources(HERE / PACKAGE)
    if library:
        files[f"{PACKAGE}/_lib/libcompact.so"] = library.read_bytes()
    info = _dist_info(project)
    files[f"{info}/METADATA"] = _metadata(project).encode()
    files[f"{info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: compact-engine backend\n"
                              f"Root-Is-Purelib: {'false' if library else 'true'}\nTag: {tag}\n").encode()
    name = f"{project['name'].replace('-', '_')}-{project['version']}-{tag}.whl"
    record = [_record_line(n, data) for n, data in files.items()] + [f"{info}/RECORD,,"]
    with zipfile.ZipFile(pathlib.Path(wheel_directory) / name, "w", zipfile.ZIP_DEFLATED) as wheel:
        for n, data in [*files.items(), (f"{info}/RECORD", ("\n".join(record) + "\n").encode())]:
            entry = zipfile.ZipInfo(n, EPOCH)
            entry.external_attr = (0o755 if n.endswith(".so") else 0o644) << 16
            wheel.writestr(entry, data, zipfile.ZIP_DEFLATED)
    return name


def _sources(root):
    """The files under `root` by their path relative to the package's folder, caches left out."""
    return {path.relative_to(HERE).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_sdist(sdist_directory, config_settings=None):
    """The package's sources, this backend and pyproject.toml: what build_wheel needs, with no
    library (a wheel built from it finds one through COMPACT_LIBRARY, or is pure Python)."""
    project = _project()
    base = f"{project['name'].replace('-', '_')}-{project['version']}"
    files = {**_sources(HERE / PACKAGE), **_sources(HERE / "_build_backend"),
             "pyproject.toml": (HERE / "pyproject.toml").read_bytes(),
             "README.md": (HERE / "README.md").read_bytes(),
             "PKG-INFO": _metadata(project).encode()}
    name = f"{base}.tar.gz"
    with tarfile.open(pathlib.Path(sdist_directory) / name, "w:gz") as sdist:
        for n, data in sorted(files.items()):
            entry = tarfile.TarInfo(f"{base}/{n}")
            entry.size = len(data)
            entry.mode = 0o644
            sdist.addfile(entry, io.BytesIO(data))
    return name
