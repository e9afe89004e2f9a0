"""SpillFile: byte strings appended to a file and read back by index, one or many at once."""
from __future__ import annotations

import numpy as np
import pytest

from analysis.spill import SpillFile


def test_strings_read_back_one_by_one_and_many_at_once(tmp_path):
    rng = np.random.default_rng(3)
    strings = [rng.integers(0, 256, size=int(n), dtype=np.uint8).tobytes() for n in rng.integers(0, 40, size=300)]
    strings[5] = strings[6] = b""  # empty strings among the others
    spill = SpillFile(tmp_path / "strings")
    for data in strings:
        spill.append(data)
    assert len(spill) == len(strings)
    assert [spill.read(i) for i in range(len(strings))] == strings
    # any order, repeats, neighbours (read together) and gaps
    for indexes in ([], [7], list(range(300)), [299, 0, 5, 6, 7, 7, 150, 151, 152, 3, 299], rng.integers(0, 300, size=100).tolist()):
        buffer, offsets, sizes = spill.read_many(indexes)
        got = [buffer[a:a + n].tobytes() for a, n in zip(offsets.tolist(), sizes.tolist())]
        assert got == [strings[i] for i in indexes]
    # appends after reads are read too
    spill.append(b"late")
    buffer, offsets, _ = spill.read_many([300, 0])
    assert spill.read(300) == b"late" and buffer[offsets[0]:offsets[0] + 4].tobytes() == b"late"
    spill.close()
    assert not (tmp_path / "strings").exists()
    spill.close()  # again: nothing


def test_consecutive_strings_take_one_read(tmp_path, monkeypatch):
    spill = SpillFile(tmp_path / "rows")
    for i in range(10):
        spill.append(bytes([i]) * 8)
    calls = []
    original = SpillFile._read_into
    monkeypatch.setattr(SpillFile, "_read_into", lambda self, view, offset: calls.append(offset) or original(self, view, offset))
    buffer, offsets, sizes = spill.read_many([4, 2, 3, 8, 2])
    assert sorted(calls) == [16, 64]  # documents 2-4 in one read, 8 in another
    assert [buffer[a] for a in offsets.tolist()] == [4, 2, 3, 8, 2] and offsets.tolist()[1] % 8 == 0
    spill.close()


def test_an_existing_file_is_never_reused(tmp_path):
    (tmp_path / "taken").write_bytes(b"someone's")
    with pytest.raises(FileExistsError):
        SpillFile(tmp_path / "taken")
