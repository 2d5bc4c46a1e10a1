"""Write a run's folder safely: results.nc, iamc.csv, figures, report, manifest.

A results folder is written under a temporary sibling name (``.<name>.<random>.tmp``) and
swapped into place only when complete, so a folder named after a scenario is always
either a whole earlier run, a whole new run, or absent. The rules:

- A run never deletes what it did not write: an existing ``--out`` that is not an elektra
  results folder (no ``manifest.json`` of ours), or one holding files its manifest does
  not list, is refused unless ``force``.
- Concurrent runs into one folder are safe: the swap happens under a lock on the parent
  folder (``fcntl.flock``), and on Linux it is one atomic
  ``renameat2(RENAME_EXCHANGE)``, so a reader never finds the folder missing.
- A killed run leaves at most its hidden staging folder; the next run into the same
  parent removes those whose owner is gone (each holds a lock on its ``.owner`` file
  while it lives, which the operating system releases when the process dies, even on
  SIGKILL).
- SIGINT and SIGTERM are held back during the swap itself, so an interrupt lands either
  before it (nothing changed) or after it (the new folder is whole).
- Folders get the user's umask (``tempfile.mkdtemp`` alone would make them private).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import platform
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata
from pathlib import Path

import xarray as xr

try:  # POSIX; without it (Windows) runs into one folder are not serialised
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

PACKAGES = (
    "elektra",
    "pyomo",
    "highspy",
    "numpy",
    "pandas",
    "xarray",
    "pint",
    "pydantic",
    "netCDF4",
    "matplotlib",
)
MANIFEST = "manifest.json"
#: The NetCDF library every results file is written and read with: netCDF4 (the Unidata
#: library) writes a run's ~120 small variables 8x faster and reads them 10x faster than
#: h5netcdf on this kind of machine (0.12 s against 0.94 s writing base); the files are
#: NetCDF4/HDF5 either way and each library reads the other's.
NETCDF_ENGINE = "netcdf4"
LOCK_FILE = ".elektra.lock"
OWNER_FILE = ".owner"
#: What elektra writes into a results folder (for manifests that predate their file list).
KNOWN_FILES = ("results.nc", "iamc.csv", "report.html", MANIFEST, "figures")


class OutputError(RuntimeError):
    """A results folder that cannot be written where asked."""


class OutputRefused(OutputError):
    """Writing would delete or overwrite something elektra did not write."""


# --------------------------------------------------------------------------- provenance


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def git_commit(folder: Path) -> str:
    """The commit of the repository holding ``folder``, with '+dirty' if it has changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def project_root(scenario_file: Path) -> Path:
    """The project a scenario belongs to: the nearest folder above it holding ``.git`` or
    ``pyproject.toml``, or ``scenarios/`` beside ``data/``; else the scenario's folder."""
    folder = Path(scenario_file).resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists() or (candidate / "pyproject.toml").is_file():
            return candidate
        if (candidate / "scenarios").is_dir() and (candidate / "data").is_dir():
            return candidate
    return folder


def relative_files(files: Sequence[str]) -> tuple[Path, list[str]]:
    """The project root of the scenario (last of ``files``) and each file relative to it."""
    if not files:
        return Path.cwd(), []
    root = project_root(Path(files[-1]))
    return root, [Path(os.path.relpath(Path(f).resolve(), root)).as_posix() for f in files]


def manifest(
    ds: xr.Dataset,
    timings: dict[str, float],
    files: Sequence[str],
    *,
    dataset_hash: str = "",
    notes: Sequence[str] = (),
    run_id: str = "",
    written: Sequence[str] = (),
    allow_out_of_range: bool = False,
) -> dict:
    """What a results folder records about its run; no absolute path of this machine."""
    root, scenario_files = relative_files(files)
    return {
        "run_id": run_id,
        "scenario_name": ds.attrs["scenario_name"],
        "scenario_hash": ds.attrs["scenario_hash"],
        "dataset": ds.attrs["dataset"],
        "dataset_hash": dataset_hash,
        "scenario": ds.attrs["scenario"],
        "scenario_files": scenario_files,
        "allow_out_of_range": allow_out_of_range,
        "notes": [note.replace(f"{root}{os.sep}", "") for note in notes],
        "git_commit": git_commit(root),
        "versions": _versions(),
        "solver": "HiGHS (highspy)",
        "termination_condition": ds.attrs["termination_condition"],
        "objective_MEUR": ds.attrs["objective"],
        "timings_s": {k: round(v, 4) for k, v in timings.items()},
        "files": sorted(written),
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def read_manifest(folder: Path) -> dict | None:
    """The manifest of an elektra results folder, or None if ``folder`` is not one."""
    try:
        content = json.loads((Path(folder) / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(content, dict) or "scenario_hash" not in content:
        return None
    return content


# --------------------------------------------------------------------------- checks


def check_target(out: Path, force: bool = False) -> None:
    """Raise :class:`OutputRefused` if writing ``out`` could lose something not ours.

    ``out`` may be absent, an empty folder, or an elektra results folder holding only
    what its manifest lists. ``force`` replaces any folder (never a file).
    """
    out = Path(out)
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputRefused(f"{out} exists and is not a folder; choose another --out")
    if force:
        return
    entries = sorted(p.name for p in out.iterdir())
    if not entries:
        return
    info = read_manifest(out)
    if info is None:
        raise OutputRefused(
            f"{out} is a folder with files that are not an elektra results folder (no "
            f"{MANIFEST} of elektra); choose another --out, or add --force to replace it and "
            "everything in it"
        )
    ours = {Path(f).parts[0] for f in info.get("files", KNOWN_FILES)} | {MANIFEST}
    foreign = [name for name in entries if name not in ours]
    if foreign:
        shown = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise OutputRefused(
            f"{out} holds files elektra did not write ({shown}); move them away, or add "
            "--force to replace the folder with them"
        )


def check_writable(out: Path) -> None:
    """Raise :class:`OutputError` if the folder that would hold ``out`` cannot be written."""
    existing = Path(out).absolute().parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot create {out}: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write into {existing}: permission denied")


# --------------------------------------------------------------------------- the swap


@contextlib.contextmanager
def _locked(parent: Path) -> Iterator[None]:
    """Hold the exclusive lock of a results parent folder (a no-op without fcntl).

    The lock is taken on the folder itself, which leaves nothing behind; where the file
    system cannot lock a folder (NFS), on a ``.elektra.lock`` file in it.
    """
    if fcntl is None:  # pragma: no cover
        yield
        return
    descriptor = os.open(parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError:
            os.close(descriptor)
            descriptor = os.open(parent / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold back SIGINT and SIGTERM: they are delivered when the block ends."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where not supported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd, rename_exchange = -100, 2
    result = renameat2(
        at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), ctypes.c_uint(rename_exchange)
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _publish(staging: Path, out: Path) -> None:
    """Put the complete ``staging`` folder at ``out``; the old ``out`` ends at ``staging``.

    Called with the parent's lock held, so no other run swaps at the same time.
    """
    if not out.exists():
        staging.rename(out)
    elif not _exchange(staging, out):
        aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
        out.replace(aside)  # the empty placeholder is replaced by the old folder
        staging.rename(out)
        aside.replace(staging)


def _owner_alive(folder: Path) -> bool:
    """Whether the run that made a staging folder still holds its owner lock."""
    if fcntl is None:  # pragma: no cover
        return True
    try:
        descriptor = os.open(folder / OWNER_FILE, os.O_RDWR)
    except OSError:
        return False  # made and published under the lock: without owner, nobody owns it
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def clean_leftovers(parent: Path, name: str) -> list[Path]:
    """Remove staging folders of ``name`` whose run is gone; return what was removed.

    Call with the parent's lock held.
    """
    removed = []
    for candidate in [*parent.glob(f".{name}.*.tmp"), parent / f".{name}.old"]:
        if candidate.is_dir() and not candidate.is_symlink() and not _owner_alive(candidate):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def _user_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def _staging(parent: Path, name: str) -> tuple[Path, int]:
    """A new staging folder with the user's mode, and the owner lock held on it."""
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=parent))
    staging.chmod(_user_mode())
    descriptor = os.open(staging / OWNER_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    if fcntl is not None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
    return staging, descriptor


# --------------------------------------------------------------------------- writing


def _netcdf_ready(ds: xr.Dataset) -> xr.Dataset:
    """NetCDF wants plain attribute types and string coordinates as str."""
    out = ds.copy()
    for name in list(out.coords):
        if out[name].dtype == object:
            out[name] = out[name].astype(str)
    return out


def write_netcdf(ds: xr.Dataset, path: Path, units_from: xr.Dataset | None = None) -> None:
    """Write CF NetCDF (:mod:`elektra.outputs.netcdf`); ``units_from``: the results whose
    routes give the output unit of per-route arrays when ``ds`` lacks them."""
    from elektra.outputs import netcdf

    netcdf.write(_netcdf_ready(ds), path, units_from=units_from)


def _write_contents(ds: xr.Dataset, staging: Path, extras: bool) -> list[str]:
    write_netcdf(ds, staging / "results.nc")
    if extras:
        from elektra.outputs.figures import make_figures
        from elektra.outputs.iamc import to_iamc
        from elektra.outputs.report import write_report

        to_iamc(ds).to_csv(staging / "iamc.csv", index=False)
        figures = make_figures(ds, staging / "figures")
        write_report(ds, staging / "report.html", figures)
    return [
        path.relative_to(staging).as_posix()
        for path in sorted(staging.rglob("*"))
        if path.is_file() and path.name != OWNER_FILE
    ]


def write_run(
    ds: xr.Dataset,
    out: Path,
    timings: dict[str, float],
    files: Sequence[str],
    extras: bool = True,
    *,
    force: bool = False,
    dataset_hash: str = "",
    notes: Sequence[str] = (),
    run_id: str | None = None,
    allow_out_of_range: bool = False,
) -> Path:
    """Write the results folder ``out`` whole or not at all, and return it.

    ``dataset_hash`` goes into the manifest and the Dataset's attrs; ``notes`` (what the
    user should know about the run) into the manifest; ``run_id`` (made if not given)
    lets a caller that was interrupted tell whether ``out`` is its own finished run.
    Raises :class:`OutputRefused` (see :func:`check_target`) or ``OSError``.
    """
    out = Path(os.path.realpath(out))  # a symlinked results folder: write where it points
    if out.parent == out:
        raise OutputRefused(f"{out} is not a folder a run can replace")
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    if dataset_hash:
        ds = ds.assign_attrs(dataset_hash=dataset_hash)
    with _locked(parent):
        clean_leftovers(parent, out.name)
        check_target(out, force)
        staging, owner = _staging(parent, out.name)
    try:
        written = _write_contents(ds, staging, extras)
        info = manifest(
            ds,
            timings,
            files,
            dataset_hash=dataset_hash,
            notes=notes,
            run_id=run_id or uuid.uuid4().hex,
            written=[*written, MANIFEST],
            allow_out_of_range=allow_out_of_range,
        )
        # the manifest comes last: its presence says the folder is complete
        (staging / MANIFEST).write_text(json.dumps(info, indent=2) + "\n")
        with _locked(parent), _interrupts_held():
            check_target(out, force)  # another process may have put something there
            (staging / OWNER_FILE).unlink()
            _publish(staging, out)
        shutil.rmtree(staging, ignore_errors=True)  # the previous run, if there was one
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        os.close(owner)
    return out


def manifest_info(files: Sequence[str], **fields) -> dict:
    """A manifest for a folder other than a run's (a sweep): ``fields`` plus the scenario
    files relative to the project, the git commit and the package versions."""
    root, scenario_files = relative_files(files)
    return {
        **fields,
        "scenario_files": scenario_files,
        "git_commit": git_commit(root),
        "versions": _versions(),
    }


def write_folder(
    out: Path, contents: Callable[[Path], None], info: dict, *, force: bool = False
) -> Path:
    """Write the folder ``out`` whole or not at all, as :func:`write_run` does.

    ``contents(staging)`` writes the files into the staging folder; the manifest ``info``
    (with the list of files, and a ``scenario_hash`` so that a later run recognises the
    folder as elektra's) is written last, then the folder is swapped into place.
    """
    out = Path(os.path.realpath(out))
    if out.parent == out:
        raise OutputRefused(f"{out} is not a folder a run can replace")
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    with _locked(parent):
        clean_leftovers(parent, out.name)
        check_target(out, force)
        staging, owner = _staging(parent, out.name)
    try:
        contents(staging)
        written = [
            path.relative_to(staging).as_posix()
            for path in sorted(staging.rglob("*"))
            if path.is_file() and path.name != OWNER_FILE
        ]
        info = {**info, "files": sorted([*written, MANIFEST])}
        (staging / MANIFEST).write_text(json.dumps(info, indent=2) + "\n")
        with _locked(parent), _interrupts_held():
            check_target(out, force)
            (staging / OWNER_FILE).unlink()
            _publish(staging, out)
        shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        os.close(owner)
    return out
