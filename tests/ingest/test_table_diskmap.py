"""The table import's on-disk memory gives back what was put in, also after writing it to the file."""

from kg.ingest.diskmap import DiskMap


def test_entries_survive_being_written_to_the_file(tmp_path):
    memory = DiskMap(tmp_path / "m.sqlite", recent=4)  # a few entries in memory: the rest go to the file
    for i in range(50):
        memory.put("facts", f"s{i}", {"start": ("2020-01-01", i)})
        assert memory.add("seen", f"s{i}")
    memory.delete("facts", "s3")
    memory.delete("facts", "s48")
    assert memory.get("facts", "s0") == {"start": ("2020-01-01", 0)}
    assert memory.get("facts", "s3") is None and memory.get("facts", "s48") is None
    assert not memory.add("seen", "s0") and memory.count("seen") == 50
    assert ("seen", "s7") in memory and ("seen", "t7") not in memory
    assert len(dict(memory.items("facts"))) == 48
    memory.close()
    assert DiskMap(tmp_path / "m.sqlite").keys("seen") == {f"s{i}" for i in range(50)}
