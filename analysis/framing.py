"""Framing comparison: per-document naming, frames and quoted actors; corpus-level events,
distinctive terms and pairwise comparisons.

Per document (analyze_document, body text only):
- `naming` rows: each referent's term with its voice (analysis/naming.py, lexicon data/referents.csv);
- `frames` rows and `frame_<dimension>` columns: share of body sentences touching each Media Frames
  Corpus dimension (analysis/frames.py, lexicon data/frames.csv);
- `actors` rows and actor summary columns: who is quoted or paraphrased, with which verbs (analysis/actors.py;
  the outlets analysis writes the same actors into `citations`);
- features for the corpus step: body content words and lead, naming, actors, frame shares.
Across the corpus (analyze_corpus):
- event ids (analysis/events.py), user overrides winning;
- `distinctive_terms` per document against the rest of its event (analysis/distinctive.py);
- `comparisons`: one row per pair of documents in an event (see comparison_row).
regroup_events(results, overrides) redoes the corpus steps from the tables alone, for the dashboard's
event overrides and for folders of tables written by the CLI.
"""
from __future__ import annotations

import math
import pickle
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from . import actors as actors_module
from . import events
from .context import Contribution, CorpusOutput, DocContext
from .distinctive import MIN_Z, fightin_words
from .events import read_event_overrides  # noqa: F401  (re-exported for the CLI)
from .frames import FRAMES, FrameCues, body_sentences, frame_outputs, frame_profile, frames_table  # noqa: F401
from .frames import load_frame_cues as _load_frame_cues
from .naming import Referents, body_word_indexes, find_names, naming_rows, preferred_terms, referents_table  # noqa: F401
from .naming import load_referents as _load_referents
from .spill import SpillFile
from .tokens import WORD_RE

# Events larger than this get comparisons only with each document's nearest neighbours, not every pair.
MAX_ALL_PAIRS = 150
NEIGHBOURS = 10


def load_referents(path: str | Path | None = None) -> Referents:
    """The referent lexicon (data/referents.csv or the given file); raises LexiconError with line numbers."""
    return _load_referents(path)


def load_frame_cues(path: str | Path | None = None) -> FrameCues:
    """The frame cue lexicon (data/frames.csv or the given file); raises LexiconError with line numbers."""
    return _load_frame_cues(path)


def analyze_document(context: DocContext) -> Contribution:
    """Naming, frame profile and quoted actors of one document's body, plus features for the corpus step."""
    doc_id = context.document.doc_id
    resources = context.resources
    referents = getattr(resources, "referents", None) or load_referents()
    cues = getattr(resources, "frame_cues", None) or load_frame_cues()
    indexes = body_word_indexes(context)
    names = naming_rows(doc_id, find_names(context, referents, indexes))
    if context.body_reads_as_english:
        sentence_count, touched, matched, first_touch = frame_profile(context, cues)
    else:
        # The frame cues are English words: in another language they are false friends (Portuguese "eu"). No frame
        # is matched; the body sentences are still counted.
        sentence_count = len(body_sentences(context))
        first_touch = {}
        touched, matched = {frame: 0 for frame in FRAMES}, {frame: Counter() for frame in FRAMES}
    frame_columns, frame_rows = frame_outputs(doc_id, sentence_count, touched, matched, first_touch)
    found = context.actors  # found once per document, shared with outlets
    words = context.tokens.words
    body, lead = events.event_terms([words[i] for i in indexes])
    # The headline states the event too, and survives any mistake in boilerplate removal.
    title, _ = events.event_terms(WORD_RE.findall(context.document.title or ""))
    lead = f"{title} {lead}".strip()
    columns = {**frame_columns, **actors_module.summary_columns(found)}
    columns["naming_terms"] = "; ".join(f"{referent}: {term}" for referent, term in preferred_terms(names).items())
    features = {
        "event_body": body,
        "event_lead": lead,
        "naming": [{k: row[k] for k in ("referent", "term", "count", "voice", "first_start", "first_end")} for row in names],
        "actors": [(a.key, a.name, a.kind, a.quoted, a.paraphrased) for a in found],
        "frames": {frame: frame_columns[f"frame_{frame}"] for frame in FRAMES},
    }
    return Contribution(
        columns=columns,
        rows={"frames": frame_rows, "actors": actors_module.actor_rows(doc_id, found)},
        features=features,
    )


def analyze_corpus(document_rows: list[dict], features_by_doc_id: dict[str, dict], resources=None, event_overrides: dict[str, str] | None = None) -> CorpusOutput:
    """Events, event ids on naming rows, distinctive terms and pairwise comparisons."""
    if not document_rows:
        return CorpusOutput()
    state = CorpusState(event_overrides)
    for row in document_rows:
        state.add(row, features_by_doc_id.get(row["doc_id"], {}))
    rows: dict[str, list[dict]] = {"naming": [], "distinctive_terms": [], "comparisons": []}
    for table, batch in state.rows():
        rows[table].extend(batch)
    return CorpusOutput(event_ids=state.event_ids(), rows=rows)


# The documents-row fields a comparison reads.
COMPARED_COLUMNS = ("doc_id", "loaded_per_1k_words", "flesch_reading_ease")
# The fields of a document's naming rows (features["naming"]) that the naming table reads.
NAMING_FIELDS = ("referent", "term", "count", "voice", "first_start", "first_end")


class CorpusState:
    """What the corpus step keeps of each document, added one document at a time in input order.

    Per document: its doc_id, publication date and any user override, its body and lead word counts
    (events.TermCounts, a few kB) and, pickled as tuples, its naming rows and what comparisons read (a few
    hundred bytes: smaller than the dicts compressed, and quicker to write and read). No text is kept.
    By default all of it is in memory (a few hundred MB at 100,000 documents). With `spill` (a directory: a
    streaming run's parts folder) the word counts and records go to append-only files there (spill.SpillFile)
    and memory keeps per document only its doc_id, date, override and end offsets (~200 bytes), plus what is
    vocabulary-sized; close() removes the files.
    rows() then yields the corpus tables event by event, so they need not be held whole either.
    """

    def __init__(self, event_overrides: dict[str, str] | None = None, spill: Path | None = None) -> None:
        self.overrides = event_overrides or {}
        self.doc_ids: list[str] = []
        self.published: list[object] = []
        self.chosen: dict[int, str] = {}
        if spill is not None:
            spill.mkdir(parents=True, exist_ok=True)
        self.terms = events.TermCounts(spill)
        self._records: list[bytes] | SpillFile = SpillFile(spill / "records.pickles") if spill is not None else []
        self._event_ids: dict[str, str] | None = None
        self._vectors: events.TfidfRows | None = None

    def __len__(self) -> int:
        return len(self.doc_ids)

    def close(self) -> None:
        """Remove the spilled files, if any (again: nothing); the state cannot be read after."""
        self.terms.close()
        if isinstance(self._records, SpillFile):
            self._records.close()

    def add(self, row: dict, features: dict) -> None:
        """One document's `documents` row and corpus features (pipeline.DocumentOutput.features)."""
        self._event_ids = self._vectors = None
        override = _override(row, self.overrides)
        if override is not None:
            self.chosen[len(self.doc_ids)] = override
        self.doc_ids.append(row["doc_id"])
        self.published.append(row.get("published", ""))
        self.terms.add(features.get("event_body", ""), features.get("event_lead", ""))
        summary = _summary(features)
        record = (tuple(row.get(key) for key in COMPARED_COLUMNS),
                  [tuple(item.get(key) for key in NAMING_FIELDS) for item in features.get("naming", [])],
                  summary["terms"], summary["speakers"], tuple(summary["frames"].get(frame, 0.0) for frame in FRAMES))
        self._records.append(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))

    def record(self, index: int) -> dict:
        """The index-th document's compared row fields, naming rows and comparison summary (frames: every
        frame's share, 0.0 where the document had none)."""
        records = self._records
        return _record(records.read(index) if isinstance(records, SpillFile) else records[index])

    def records(self, indexes: list[int]) -> list[dict]:
        """record(index) of each of these documents; spilled ones are read together (neighbours in one read)."""
        if not isinstance(self._records, SpillFile):
            return [self.record(index) for index in indexes]
        buffer, offsets, sizes = self._records.read_many(indexes)
        view = memoryview(buffer)
        return [_record(view[offset:offset + size]) for offset, size in zip(offsets.tolist(), sizes.tolist())]

    def vectors(self) -> events.TfidfRows:
        if self._vectors is None:
            self._vectors = events.TfidfRows(self.terms, events.load_background())
        return self._vectors

    def event_ids(self) -> dict[str, str]:
        """{doc_id: event_id}: the user's overrides (by doc_id, source or file name) win; the rest are grouped."""
        if self._event_ids is None:
            self._event_ids = _assign_events(self.doc_ids, self.published, self.chosen, self.vectors())
        return self._event_ids

    def rows(self) -> Iterator[tuple[str, list[dict]]]:
        """(table, rows) for comparisons, distinctive_terms and naming, one table after the other, a batch at a time.

        The largest table comes first, so that whoever writes it can start while the others are computed."""
        event_ids = self.event_ids()
        members: dict[str, list[int]] = {}
        for index, doc_id in enumerate(self.doc_ids):
            members.setdefault(event_ids[doc_id], []).append(index)
        ordered = sorted(members.items(), key=lambda kv: kv[1][0])
        yield from self._comparison_rows(ordered)
        yield from self._distinctive_rows(ordered)
        yield from self._naming_rows(event_ids)

    def _naming_rows(self, event_ids: dict[str, str]) -> Iterator[tuple[str, list[dict]]]:
        for start in range(0, len(self), NAMING_BATCH):
            rows: list[dict] = []
            indexes = list(range(start, min(start + NAMING_BATCH, len(self))))
            for index, record in zip(indexes, self.records(indexes)):
                doc_id = self.doc_ids[index]
                for item in record["naming"]:
                    rows.append({"event_id": event_ids[doc_id], "referent": item["referent"], "doc_id": doc_id, "term": item["term"],
                                 "count": item["count"], "voice": item["voice"], "first_start": item.get("first_start"),
                                 "first_end": item.get("first_end")})
            if rows:
                yield "naming", rows

    def _distinctive_rows(self, ordered: list[tuple[str, list[int]]]) -> Iterator[tuple[str, list[dict]]]:
        if not any(len(m) > 1 for _, m in ordered):
            return
        vocabulary, column, prior = self.terms.body_terms()
        if not vocabulary:  # no body words at all
            return
        for event_id, indexes in ordered:
            if len(indexes) < 2:
                continue
            # The event's rows only: fightin_words reads the event's counts and the corpus-wide prior.
            counts = self.terms.body(indexes, column, len(vocabulary))
            scored = fightin_words(counts, vocabulary, list(range(len(indexes))), prior)
            rows = []
            for k, index in enumerate(indexes):
                for rank, (term, z, count, others) in enumerate(scored[k], start=1):
                    rows.append({"event_id": event_id, "doc_id": self.doc_ids[index], "term": term, "z_score": z, "rank": rank,
                                 "significant": z >= MIN_Z, "count": count, "count_others": others})
            yield "distinctive_terms", rows

    def _comparison_rows(self, ordered: list[tuple[str, list[int]]]) -> Iterator[tuple[str, list[dict]]]:
        vectors = self.vectors()
        for batch in _event_batches([(event_id, indexes) for event_id, indexes in ordered if len(indexes) > 1]):
            # The TF-IDF rows of a batch of events at once (rows are the same whatever else is computed with
            # them), then each event's slice: per event, computing the rows costs more than comparing them.
            rows = vectors[[index for _, indexes in batch for index in indexes]]
            start = 0
            for event_id, indexes in batch:
                records = self.records(indexes)
                first, second, similarity = _pair_positions(len(indexes), rows[start:start + len(indexes)])
                start += len(indexes)
                yield "comparisons", _event_comparisons(event_id, records, first, second, similarity)


def _record(data: bytes | memoryview) -> dict:
    """A document's record (see CorpusState.record) from its pickled tuple."""
    row, naming, terms, speakers, frames = pickle.loads(data)
    return {"row": dict(zip(COMPARED_COLUMNS, row)), "naming": [dict(zip(NAMING_FIELDS, item)) for item in naming],
            "summary": {"terms": terms, "speakers": speakers, "frames": dict(zip(FRAMES, frames))}}


# Documents whose naming rows are gathered per batch.
NAMING_BATCH = 5000
# Documents whose TF-IDF rows are computed together for comparisons (bounds their memory: ~4 kB a document).
VECTOR_BATCH = 5000


def _event_batches(events_: list[tuple[str, list[int]]]) -> Iterator[list[tuple[str, list[int]]]]:
    """Consecutive events grouped into batches of about VECTOR_BATCH documents (a larger event alone)."""
    batch: list[tuple[str, list[int]]] = []
    size = 0
    for event in events_:
        if batch and size + len(event[1]) > VECTOR_BATCH:
            yield batch
            batch, size = [], 0
        batch.append(event)
        size += len(event[1])
    if batch:
        yield batch


def _override(row: dict, overrides: dict[str, str]) -> str | None:
    """The user's event for this document (matched by doc_id, source or file name), or None."""
    source = str(row.get("source", ""))
    for key in (row["doc_id"], source, Path(source).name if source else ""):
        if key and key in overrides:
            return str(overrides[key])
    return None


def _assign_events(doc_ids: list[str], published: list[object], chosen_by_index: dict[int, str], vectors: events.TfidfRows) -> dict[str, str]:
    """{doc_id: event_id}: the automatic grouping of every document, numbered E1, E2, ... in order of each
    event's first document, then the user's choices on top. A document the user placed takes that event id,
    so naming an automatic event's id moves it into that event, and no other document changes id."""
    if len(chosen_by_index) == len(doc_ids):
        return {doc_id: chosen_by_index[i] for i, doc_id in enumerate(doc_ids)}
    labels = events.cluster_vectors(vectors, published)
    names: dict[int, str] = {}
    for label in labels:
        names.setdefault(label, events.event_label(len(names)))
    return {doc_id: chosen_by_index.get(i, names[label]) for i, (doc_id, label) in enumerate(zip(doc_ids, labels))}


def _pair_positions(n: int, sub) -> tuple[list[int], list[int], list[float]]:
    """(first positions, second positions, rounded cosine similarities) of the pairs of an event's n rows
    `sub` (a csr_matrix): all pairs k < m in row order, or each row with its NEIGHBOURS most similar when
    n > MAX_ALL_PAIRS (in row chunks so memory stays bounded), sorted by (k, m)."""
    if n <= MAX_ALL_PAIRS:
        similarity = (sub @ sub.T).toarray()
        first, second = np.triu_indices(n, 1)  # row by row: the order of the nested loop over k < m
        values = similarity[first, second]
        return first.tolist(), second.tolist(), np.where(np.isfinite(values), round4(values), 0.0).tolist()
    pairs: dict[tuple[int, int], float] = {}
    for chunk in range(0, n, 500):
        similarity = (sub[chunk:chunk + 500] @ sub.T).toarray()
        for offset, row in enumerate(similarity):
            k = chunk + offset
            row[k] = -np.inf
            # Stable order: most similar first, ties by position.
            nearest = np.lexsort((np.arange(len(row)), -row))[:NEIGHBOURS]
            for j in nearest.tolist():
                pairs[(min(k, j), max(k, j))] = _rounded(row[j])
    ordered = sorted(pairs.items())
    return [k for (k, _), _ in ordered], [m for (_, m), _ in ordered], [value for _, value in ordered]


def _rounded(value: float) -> float:
    value = float(value)
    return round(value, 4) if math.isfinite(value) else 0.0


def _summary(feature: dict) -> dict:
    """What a comparison reads from one document's features, computed once per document."""
    return {
        "terms": preferred_terms(feature.get("naming", [])),
        "speakers": {key: name for key, name, kind, quoted, paraphrased in feature.get("actors", []) if kind == "person" and quoted + paraphrased},
        "frames": feature.get("frames", {}),
    }


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None


def comparison_row(event_id: str, row_a: dict, row_b: dict, feat_a: dict, feat_b: dict, similarity: float,
                   summary_a: dict | None = None, summary_b: dict | None = None) -> dict:
    """One pair of documents of an event: similarity, loaded density, readability, naming, actors and frames side by side.

    Differences are a minus b; they are empty when either side lacks the figure.
    """
    a, b = _Compared(row_a, summary_a or _summary(feat_a)), _Compared(row_b, summary_b or _summary(feat_b))
    loaded_diff = round(a.loaded - b.loaded, 4) if a.loaded is not None and b.loaded is not None else None
    reading_diff = round(a.reading - b.reading, 4) if a.reading is not None and b.reading is not None else None
    return _pair_row(event_id, a, b, similarity, loaded_diff, reading_diff, _frame_gap(a.frames, b.frames))


class _Compared:
    """What comparisons read of one document, worked out once per document instead of once per pair."""

    def __init__(self, row: dict, summary: dict) -> None:
        self.doc_id = row["doc_id"]
        self.loaded = _number(row.get("loaded_per_1k_words"))
        self.reading = _number(row.get("flesch_reading_ease"))
        self.terms: dict[str, str] = summary["terms"]
        speakers: dict[str, str] = summary["speakers"]
        self.speaker_keys = set(speakers)
        # (name, key) in name order: the names kept by a filter over it come out sorted, with no sort per pair.
        self.speakers = sorted((name, key) for key, name in speakers.items())
        self.frames: dict[str, float] = summary["frames"]


def _pair_row(event_id: str, a: _Compared, b: _Compared, similarity: float, loaded_diff: float | None,
              reading_diff: float | None, frame_gap: str) -> dict:
    """The comparisons row of documents a and b (see comparison_row), given their rounded differences
    (None when either figure is missing) and largest frame gap."""
    terms_a, terms_b = a.terms, b.terms
    naming = [f"{r}: {terms_a[r]} vs {terms_b[r]}" for r in sorted(set(terms_a) & set(terms_b)) if terms_a[r] != terms_b[r]] if terms_a and terms_b else []
    return {
        "event_id": event_id,
        "doc_a": a.doc_id,
        "doc_b": b.doc_id,
        "similarity": similarity,
        "loaded_per_1k_a": a.loaded,
        "loaded_per_1k_b": b.loaded,
        "loaded_per_1k_diff": loaded_diff,
        "flesch_reading_ease_a": a.reading,
        "flesch_reading_ease_b": b.reading,
        "flesch_reading_ease_diff": reading_diff,
        "naming_differences": "; ".join(naming),
        "naming_differences_count": len(naming),
        "actors_only_a": "; ".join([name for name, key in a.speakers if key not in b.speaker_keys]),
        "actors_only_b": "; ".join([name for name, key in b.speakers if key not in a.speaker_keys]),
        "actors_shared": "; ".join([name for name, key in a.speakers if key in b.speaker_keys]),
        "frame_largest_gap": frame_gap,
    }


def _frame_gap(frames_a: dict, frames_b: dict) -> str:
    """The frame whose share differs most between a and b, with the difference a minus b ("" when none differs);
    differences are rounded to 4 decimals first, ties go to the frame first in alphabetical order."""
    gaps = sorted(((round(frames_a.get(f, 0.0) - frames_b.get(f, 0.0), 4), f) for f in FRAMES), key=lambda t: (-abs(t[0]), t[1]))
    return f"{gaps[0][1]} {gaps[0][0]:+.2f}" if gaps and gaps[0][0] else ""


def _event_comparisons(event_id: str, records: list[dict], first: list[int], second: list[int], similarity: list[float]) -> list[dict]:
    """comparison_row for each pair (records[first[p]], records[second[p]], similarity[p]) of one event, the
    figures of all pairs taken at once: comparison_row on every pair rounds and sorts 14 frame gaps."""
    documents = [_Compared(record["row"], record["summary"]) for record in records]
    loaded = _differences([d.loaded for d in documents], first, second)
    reading = _differences([d.reading for d in documents], first, second)
    gaps = _frame_gaps(documents, first, second)
    return [_pair_row(event_id, documents[k], documents[m], value, loaded_diff, reading_diff, gap)
            for k, m, value, loaded_diff, reading_diff, gap in zip(first, second, similarity, loaded, reading, gaps)]


def _differences(values: list[float | None], first: list[int], second: list[int]) -> list[float | None]:
    """round(values[k] - values[m], 4) for each pair (k, m), None where either value is missing."""
    known = np.array([value is not None for value in values])
    numbers = np.array([value if value is not None else 0.0 for value in values], dtype=float)
    both = (known[first] & known[second]).tolist()
    return [difference if ok else None for difference, ok in zip(round4(numbers[first] - numbers[second]).tolist(), both)]


# The frames in alphabetical order: a largest gap shared by several frames goes to the first of them.
FRAMES_ALPHABETICAL = sorted(FRAMES)


def _frame_gaps(documents: list[_Compared], first: list[int], second: list[int]) -> list[str]:
    """_frame_gap for each pair (the same strings), with the gaps of every frame of every pair rounded at once."""
    if not first:
        return []
    shares = np.array([[float(d.frames.get(f, 0.0)) for f in FRAMES_ALPHABETICAL] for d in documents], dtype=float)
    gaps = round4(shares[first] - shares[second])
    largest = np.argmax(np.abs(gaps), axis=1)  # the first largest: alphabetical order breaks ties
    values = gaps[np.arange(len(first)), largest].tolist()
    texts = [f"{FRAMES_ALPHABETICAL[f]} {gap:+.2f}" if gap else "" for f, gap in zip(largest.tolist(), values)]
    for p in np.flatnonzero(np.isnan(gaps).any(axis=1)).tolist():  # a share that is not a number: the plain way
        texts[p] = _frame_gap(documents[first[p]].frames, documents[second[p]].frames)
    return texts


def round4(values: np.ndarray) -> np.ndarray:
    """round(value, 4) of every value, bit for bit as Python gives it, for a whole array at once.

    Python rounds the exact binary value; numpy's rint(value * 1e4) / 1e4 agrees except where value * 1e4
    lies within its own rounding error of a half (or is huge, or not finite): those few are rounded by Python.
    Division of the rounded integer by 1e4 gives the double nearest that decimal, as Python's round does.
    Rounding tens of thousands of comparison figures one by one with round() costs ~0.5 us each.
    """
    values = np.asarray(values, dtype=float)
    scaled = values * 1e4
    result = np.rint(scaled) / 1e4
    with np.errstate(invalid="ignore"):
        doubtful = ~(np.abs(scaled) < 1e8) | (np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    if doubtful.any():
        flat_values, flat_result = values.reshape(-1), result.reshape(-1)
        for i in np.flatnonzero(doubtful).tolist():
            flat_result[i] = round(float(flat_values[i]), 4)
    return result


def features_from_results(results) -> tuple[list[dict], dict[str, dict]]:
    """Document rows and corpus features rebuilt from a Results' tables (documents, blocks, naming, actors),
    so events can be regrouped without the original files (e.g. a folder of tables written by the CLI)."""
    documents = results.documents
    rows = [{k: (None if _is_missing(v) else v) for k, v in row.items()} for row in documents.to_dict("records")]
    blocks = results.tables.get("blocks")
    bodies: dict[str, list[str]] = {}
    if blocks is not None and not blocks.empty:
        body_blocks = blocks[blocks["kind"].astype(str) == "body"].sort_values(["doc_id", "start"], kind="stable")
        for doc_id, text in zip(body_blocks["doc_id"].astype(str), body_blocks["text"].fillna("").astype(str)):
            bodies.setdefault(doc_id, []).append(text)
    naming = results.tables.get("naming")
    actors_table = results.tables.get("actors")
    features: dict[str, dict] = {}
    for row in rows:
        doc_id = str(row["doc_id"])
        body, lead = events.event_terms(WORD_RE.findall("\n\n".join(bodies.get(doc_id, []))))
        title, _ = events.event_terms(WORD_RE.findall(str(row.get("title") or "")))
        names = [] if naming is None or naming.empty else [
            {"referent": r["referent"], "term": r["term"], "count": int(r["count"]), "voice": r.get("voice", "authorial"),
             "first_start": r.get("first_start"), "first_end": r.get("first_end")}
            for r in naming[naming["doc_id"].astype(str) == doc_id].to_dict("records")]
        speakers = [] if actors_table is None or actors_table.empty else [
            (actors_module.fold(r["name"]), r["name"], r["kind"], int(r["quoted"]), int(r["paraphrased"]))
            for r in actors_table[actors_table["doc_id"].astype(str) == doc_id].to_dict("records")]
        frames = {f: float(row.get(f"frame_{f}") or 0.0) for f in FRAMES}
        features[doc_id] = {"event_body": body, "event_lead": f"{title} {lead}".strip(), "naming": names, "actors": speakers, "frames": frames}
    return rows, features


def _is_missing(value) -> bool:
    try:
        return value is None or bool(np.isnan(value))
    except TypeError:
        return False


def regroup_events(results, overrides: dict[str, str], resources=None):
    """A copy of `results` with events regrouped under the user's overrides {doc_id or source: event_id}:
    `documents.event_id`, `naming`, `distinctive_terms` and `comparisons` are recomputed from the tables."""
    from .results import Results, make_table

    rows, features = features_from_results(results)
    corpus = analyze_corpus(rows, features, resources, overrides)
    tables = dict(results.tables)
    documents = results.documents.copy()
    documents["event_id"] = documents["doc_id"].astype(str).map(corpus.event_ids).fillna("")
    tables["documents"] = documents
    for table in ("naming", "distinctive_terms", "comparisons"):
        tables[table] = make_table(table, corpus.rows.get(table, []))
    return Results(tables)
