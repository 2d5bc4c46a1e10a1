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
- A folder that holds the user's working directory, home, the project or the scenario
  is never a results folder, not even with ``force`` (:func:`check_protected`).
- A results folder that is a symbolic link is written where it points; the link stays,
  and every message names its target (:func:`shown`).
- A write that fails (a full disk, permissions) is an :class:`OutputError` naming the
  file as the user knows it, never the hidden staging folder; folders the write created
  are removed again.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path

import xarray as xr

from elektra.inputs.config import project_root

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


#: Free space (bytes) below which a failed write is reported as a full disk.
FULL_DISK = 1 << 20


def shown(out: Path | str) -> str:
    """``out`` as the user gave it, with the folder it leads to if it is a link."""
    out = Path(out)
    if out.is_symlink():
        return f"{out} (a link to {os.path.realpath(out)})"
    return str(out)


def _free_bytes(path: Path) -> int | None:
    """Free bytes on the file system of ``path`` (or of its nearest existing parent)."""
    folder = Path(path).absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def write_failure(path: Path | str, error: BaseException) -> OutputError:
    """An :class:`OutputError` for a failed write of ``path``: a full disk said as such.

    The netCDF library reports a full disk as ``RuntimeError('NetCDF: HDF error')``, without
    an errno: there the free space decides.
    """
    code = getattr(error, "errno", None)
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    free = _free_bytes(Path(path))
    if code in (errno.ENOSPC, errno.EDQUOT) or (free is not None and free < FULL_DISK):
        return OutputError(
            f"disk full: cannot write {path} ({reason}); free some space and run again"
        )
    return OutputError(f"cannot write {path}: {reason}")


@contextlib.contextmanager
def writing(path: Path | str, staging: Path | None = None) -> Iterator[None]:
    """Report an OSError raised inside the block as a failed write of ``path``.

    With ``staging``, a file name inside the staging folder is reported under ``path``,
    the folder the user asked for, instead.
    """
    try:
        yield
    except OutputError as error:
        if staging is None or str(staging) not in str(error):
            raise
        raise type(error)(str(error).replace(str(staging), str(path))) from error.__cause__
    except OSError as error:
        where = Path(path)
        if staging is not None and error.filename:
            try:
                where = where / Path(os.fsdecode(error.filename)).relative_to(staging)
            except ValueError:
                pass
        raise write_failure(where, error) from error


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
    """The code version of the repository holding ``folder``: its commit, and where its
    tracked files differ from it, ``+dirty.<hash of the difference>``.

    The code is the tracked tree: untracked files (a venv, a notebook, results) do not
    count, and two runs made from the same uncommitted change record the same version.
    """
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
        difference = subprocess.run(
            ["git", "diff", "HEAD", "--binary"], cwd=folder, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    if not difference:
        return commit
    return f"{commit}+dirty.{hashlib.sha256(difference).hexdigest()[:12]}"


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


def protected_folders(files: Sequence[str | Path] = ()) -> dict[Path, str]:
    """The folders a results folder may never be or hold, each with what it is, most
    telling first: the working directory, for each of ``files`` (scenario files, a
    dataset, compared runs) its project, its folder and the file itself, the home folder
    and the file system's root."""
    folders: dict[Path, str] = {Path(os.path.realpath(Path.cwd())): "the current folder"}
    for path in files:
        path = Path(os.path.realpath(path))
        folders.setdefault(project_root(path), f"the project of {path.name}")
        folders.setdefault(path.parent, f"the folder of {path.name}")
        folders.setdefault(path, f"{path.name}, an input of this command")
    home = Path.home()
    if home.is_dir():
        folders.setdefault(Path(os.path.realpath(home)), "your home folder")
    folders.setdefault(Path(os.path.realpath("/")), "the file system's root")
    return folders


def check_protected(out: Path, files: Sequence[str | Path] = ()) -> None:
    """Raise :class:`OutputRefused` if ``out`` is or holds a folder of
    :func:`protected_folders`: replacing it would delete the user's work, with or without
    ``--force``."""
    real = Path(os.path.realpath(out))
    for folder, what in protected_folders(files).items():
        if real == folder or real in folder.parents:
            where = "is" if real == folder else "holds"
            raise OutputRefused(
                f"{shown(out)} {where} {what} ({folder}); a results folder is replaced "
                "whole, so elektra never writes one there, not even with --force: choose "
                "another --out"
            )


def check_target(out: Path, force: bool = False, protect: Sequence[str | Path] = ()) -> None:
    """Raise :class:`OutputRefused` if writing ``out`` could lose something not ours.

    ``out`` may be absent, an empty folder, or an elektra results folder holding only
    what its manifest lists. ``force`` replaces any folder (never a file) except those of
    :func:`check_protected` (``protect``: the command's input files).
    """
    out = Path(out)
    check_protected(out, protect)
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputRefused(f"{shown(out)} exists and is not a folder; choose another --out")
    if force:
        return
    entries = sorted(p.name for p in out.iterdir())
    if not entries:
        return
    info = read_manifest(out)
    if info is None:
        raise OutputRefused(
            f"{shown(out)} is a folder with files that are not an elektra results folder (no "
            f"{MANIFEST} of elektra); choose another --out, or add --force to replace it and "
            "everything in it"
        )
    ours = {Path(f).parts[0] for f in info.get("files", KNOWN_FILES)} | {MANIFEST}
    foreign = [name for name in entries if name not in ours]
    if foreign:
        listed = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
        raise OutputRefused(
            f"{shown(out)} holds files elektra did not write ({listed}); move them away, or "
            "add --force to replace the folder with them"
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
    routes give the output unit of per-route arrays when ``ds`` lacks them. A failure (the
    netCDF library says a full disk with a RuntimeError) is an :class:`OutputError` naming
    the file."""
    from elektra.outputs import netcdf

    try:
        netcdf.write(_netcdf_ready(ds), path, units_from=units_from)
    except (OSError, RuntimeError) as error:
        raise write_failure(path, error) from error


def _write_contents(ds: xr.Dataset, staging: Path, extras: bool) -> None:
    write_netcdf(ds, staging / "results.nc")
    if extras:
        from elektra.outputs.figures import make_figures
        from elektra.outputs.iamc import to_iamc
        from elektra.outputs.report import write_report

        to_iamc(ds).to_csv(staging / "iamc.csv", index=False)
        figures = make_figures(ds, staging / "figures")
        write_report(ds, staging / "report.html", figures)


def _listing(staging: Path) -> list[str]:
    """The files of a staging folder, relative to it (its owner lock left out)."""
    return [
        path.relative_to(staging).as_posix()
        for path in sorted(staging.rglob("*"))
        if path.is_file() and path.name != OWNER_FILE
    ]


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, deepest first."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_if_empty(folders: Sequence[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _write_whole(
    out: Path,
    contents: Callable[[Path], None],
    info: Callable[[list[str]], dict],
    *,
    force: bool,
    protect: Sequence[str | Path],
    attach: Mapping[str, Path] | None = None,
) -> Path:
    """Write the folder ``out`` whole or not at all and return where it went.

    ``contents(staging)`` writes the files; ``attach`` moves files made elsewhere (a
    model file) into the folder under the given names; ``info(files)`` is the manifest,
    written last (its presence says the folder is complete); then the staging folder is
    swapped into place under the parent's lock.
    """
    asked = Path(out)
    check_protected(asked, protect)
    out = Path(os.path.realpath(asked))  # a symlinked results folder: write where it points
    if out.parent == out:
        raise OutputRefused(f"{shown(asked)} is not a folder a run can replace")
    parent = out.parent
    with writing(asked):
        created = _make_parents(parent)
    try:
        with _locked(parent):
            clean_leftovers(parent, out.name)
            check_target(out, force, protect)
            with writing(asked):
                staging, owner = _staging(parent, out.name)
    except BaseException:
        _remove_if_empty(created)
        raise
    try:
        with writing(asked, staging):
            contents(staging)
            for name, source in (attach or {}).items():
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.move(source, staging / name)
            manifest_text = json.dumps(info([*_listing(staging), MANIFEST]), indent=2) + "\n"
            (staging / MANIFEST).write_text(manifest_text)
        with _locked(parent), _interrupts_held():
            check_target(out, force, protect)  # another process may have put something there
            (staging / OWNER_FILE).unlink()
            _publish(staging, out)
        shutil.rmtree(staging, ignore_errors=True)  # the previous run, if there was one
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_if_empty(created)
        raise
    finally:
        os.close(owner)
    return out


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
    attach: Mapping[str, Path] | None = None,
    protect: Sequence[str | Path] = (),
) -> Path:
    """Write the results folder ``out`` whole or not at all, and return it.

    ``dataset_hash`` goes into the manifest and the Dataset's attrs; ``notes`` (what the
    user should know about the run) into the manifest; ``run_id`` (made if not given)
    lets a caller that was interrupted tell whether ``out`` is its own finished run;
    ``attach`` maps a name in the folder to a file moved there (``--write-model``).
    ``files`` (the scenario files) and ``protect`` (more inputs) name what ``out`` may
    never hold (:func:`check_protected`). Raises :class:`OutputRefused` (see
    :func:`check_target`) or :class:`OutputError`.
    """
    if dataset_hash:
        ds = ds.assign_attrs(dataset_hash=dataset_hash)

    def info(written: list[str]) -> dict:
        return manifest(
            ds,
            timings,
            files,
            dataset_hash=dataset_hash,
            notes=notes,
            run_id=run_id or uuid.uuid4().hex,
            written=written,
            allow_out_of_range=allow_out_of_range,
        )

    return _write_whole(
        out,
        lambda staging: _write_contents(ds, staging, extras),
        info,
        force=force,
        protect=[*files, *protect],
        attach=attach,
    )


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
    out: Path,
    contents: Callable[[Path], None],
    info: dict,
    *,
    force: bool = False,
    protect: Sequence[str | Path] = (),
) -> Path:
    """Write the folder ``out`` whole or not at all, as :func:`write_run` does.

    ``contents(staging)`` writes the files into the staging folder; the manifest ``info``
    (with the list of files, and a ``scenario_hash`` so that a later run recognises the
    folder as elektra's) is written last, then the folder is swapped into place.
    ``protect``: the command's inputs, which ``out`` may never hold.
    """
    return _write_whole(
        out,
        contents,
        lambda written: {**info, "files": sorted(written)},
        force=force,
        protect=protect,
    )
