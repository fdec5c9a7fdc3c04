"""A PEP 517 build backend in the standard library alone, for `pip install ./bindings/python` with no
network: it writes the wheel (a zip of the package, its metadata and RECORD) itself.

The wheel bundles libcompact.so when it can find one, in this order: the COMPACT_LIBRARY environment
variable, then the repository's build/release and build/dev trees. A wheel with the library is
tagged for this platform; without it, it is pure Python and finds the library at run time
(COMPACT_LIBRARY, or the system's library path)."""

import base64
import hashlib
import os
import pathlib
import sysconfig
import tomllib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = "compact"


def _project():
    with open(HERE / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def _library():
    explicit = os.environ.get("COMPACT_LIBRARY")
    if explicit:
        path = pathlib.Path(explicit)
        if not path.is_file():
            raise FileNotFoundError(f"COMPACT_LIBRARY names {path}, which is not a file")
        return path
    for build in ("release", "dev"):
        path = HERE.parent.parent / "build" / build / "lib" / "libcompact.so"
        if path.is_file():
            return path.resolve()
    return None


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
    files = {}
    for path in sorted((HERE / PACKAGE).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files[path.relative_to(HERE).as_posix()] = path.read_bytes()
    if library:
        files[f"{PACKAGE}/_lib/libcompact.so"] = library.read_bytes()
    info = _dist_info(project)
    files[f"{info}/METADATA"] = _metadata(project).encode()
    files[f"{info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: compact-engine backend\n"
                              f"Root-Is-Purelib: {'false' if library else 'true'}\nTag: {tag}\n").encode()
    name = f"{project['name'].replace('-', '_')}-{project['version']}-{tag}.whl"
    record = [_record_line(n, data) for n, data in files.items()] + [f"{info}/RECORD,,"]
    with zipfile.ZipFile(pathlib.Path(wheel_directory) / name, "w", zipfile.ZIP_DEFLATED) as wheel:
        for n, data in files.items():
            wheel.writestr(n, data)
        wheel.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return name
