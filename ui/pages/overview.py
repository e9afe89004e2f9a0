"""Overview: every document in one sortable table, the charts, and the inputs that could not be read.

The first view on a large folder of tables must come quickly: the table is drawn before the charts'
module (plotly) is even imported, and everything derived from the tables is cached by corpus key, so a
rerun (a row selected, a search) recomputes nothing.
"""
import pandas as pd
import streamlit as st

from analysis.results import Results
from ui import corpus_state
from ui.components.tables import doc_labels, for_docs, has_values, md_escape, not_available, show_table

MAX_CHART_DOCUMENTS = 40
# Rows sent to the browser at once: a 10,000-row table (several MB) is what made the first view slow.
MAX_TABLE_ROWS = 2000



@st.cache_resource(max_entries=4)
def _labels(key: str, _documents: pd.DataFrame) -> dict[str, str]:
    # Keyed by the corpus key: no hashing of the documents table on every rerun.
    return doc_labels(_documents)


@st.cache_resource(max_entries=4)
def _event_count(key: str, _documents: pd.DataFrame) -> int:
    """How many distinct non-empty event ids the documents have (cached by corpus key)."""
    if "event_id" not in _documents:
        return 0
    return _documents["event_id"].fillna("").astype(str).replace("", None).dropna().nunique()


@st.cache_resource(max_entries=16)
def _column_total(key: str, _documents: pd.DataFrame, column: str) -> int:
    """The sum of a documents count column (0 when the corpus lacks it), cached by corpus key."""
    if column not in _documents:
        return 0
    return int(pd.to_numeric(_documents[column], errors="coerce").fillna(0).sum())


corpus = corpus_state.require()
results = corpus.results
documents = results.documents
labels = _labels(corpus.key, documents)

st.title("Overview")
st.caption(f"Corpus: {md_escape(corpus.label)}. Every figure below comes from the analysis tables; open a document to see the spans, blocks and registry rows behind it.")

events = _event_count(corpus.key, documents)
metrics = st.columns(4)
metrics[0].metric("Documents", len(documents))
metrics[1].metric("Events", events)
lexicon_hits, model_hits, boilerplate_hits = (_column_total(corpus.key, documents, c) for c in ("loaded_hits", "model_hits", "loaded_boilerplate_hits"))
metrics[2].metric("Lexicon hits in the body", lexicon_hits,
                  help=f"Loaded terms of the lexicon outside boilerplate, every voice (the loaded_* columns). Also found: {model_hits:,} hits "
                       f"of the learned model (model_* columns) and {boilerplate_hits:,} lexicon hits inside boilerplate; "
                       "all of them are rows of the spans table.")
metrics[3].metric("Unreadable inputs", len(results.errors))

COLUMNS = [
    ("document", st.column_config.TextColumn("Document", width="medium", pinned=True, help="Outlet (or file name) and headline")),
    ("title", st.column_config.TextColumn("Title", width="medium")),
    ("outlet", st.column_config.TextColumn("Outlet")),
    ("outlet_type", st.column_config.TextColumn("Outlet type")),
    ("outlet_type_confidence", st.column_config.ProgressColumn("Type confidence", min_value=0.0, max_value=1.0, format="%.2f")),
    ("outlet_evidence", st.column_config.TextColumn("Type evidence", width="medium", help="Why the outlet has this type: registry row, self-reference, domain")),
    ("state_media_code", st.column_config.TextColumn("SMM code", help="State Media Monitor code")),
    ("event_id", st.column_config.TextColumn("Event")),
    ("published", st.column_config.TextColumn("Published")),
    ("body_words", st.column_config.NumberColumn("Body words", format="%d")),
    ("boilerplate_share", st.column_config.ProgressColumn("Boilerplate", min_value=0.0, max_value=1.0, format="percent", help="Share of the page that is subscription pitch, donation appeal or furniture")),
    ("loaded_per_1k_words", st.column_config.NumberColumn("Loaded /1k words", format="%.1f", help="Authorial loaded-wording hits per 1,000 body words")),
    ("loaded_authorial", st.column_config.NumberColumn("Authorial", format="%d", help="Loaded terms in the document's own voice")),
    ("loaded_quoted", st.column_config.NumberColumn("Quoted", format="%d", help="Loaded terms inside quotations")),
    ("loaded_attributed", st.column_config.NumberColumn("Attributed", format="%d", help="Loaded terms attributed to someone else (said, according to …)")),
    ("model_per_1k_words", st.column_config.NumberColumn("Model hits /1k", format="%.1f", help="Authorial loaded wording found by the learned model (outside the lexicon) per 1,000 body words")),
    ("credibility_score", st.column_config.NumberColumn("Credibility", format="%.2f", help="Registry credibility score of the outlet (0–1; CRED-1), where known")),
    ("frame_primary", st.column_config.TextColumn("Main frame", help="The frame touching the most body sentences; empty when none leads clearly (fewer than 2 sentences or 10 %, or a tie)")),
    ("flesch_reading_ease", st.column_config.NumberColumn("Reading ease", format="%.1f", help="Flesch reading ease: higher is easier (an English formula: see Readability note)")),
    ("flesch_kincaid_grade", st.column_config.NumberColumn("FK grade", format="%.1f")),
    ("gunning_fog", st.column_config.NumberColumn("Fog", format="%.1f")),
    ("readability_note", st.column_config.TextColumn("Readability note", width="medium", help="Set when the body does not read as English (another script, or few English function words): the readability formulas are made for English")),
    ("doc_id", st.column_config.TextColumn("doc_id")),
]

st.subheader("Documents")


@st.cache_resource(max_entries=4)
def _table(key: str, _documents: pd.DataFrame, _labels: dict[str, str]) -> tuple[pd.DataFrame, list[str], list[str]]:
    # Keyed by the corpus key (cheap): hashing a 10,000-row frame on every rerun would cost more than building it.
    frame = _documents.assign(document=_documents["doc_id"].astype(str).map(_labels))
    shown = [name for name, _ in COLUMNS if name in frame.columns and (name in ("document", "doc_id") or has_values(frame, name))]
    missing = [name for name, _ in COLUMNS if name not in shown]
    return frame, shown, missing


def _limited(frame: pd.DataFrame, shown: list[str]) -> pd.DataFrame:
    """Above MAX_TABLE_ROWS documents: a search and an order chosen here, then the first MAX_TABLE_ROWS rows."""
    if len(frame) <= MAX_TABLE_ROWS:
        return frame
    titles = {name: config["label"] for name, config in COLUMNS}
    numeric = [name for name in shown if pd.api.types.is_numeric_dtype(frame[name])]
    left, right = st.columns([2, 1])
    query = left.text_input("Find documents", key="overview_search", placeholder="outlet, title, event or doc_id")
    order = right.selectbox("Order by", ["corpus order"] + numeric, key="overview_order",
                            format_func=lambda name: name if name == "corpus order" else f"{titles[name]} (highest first)")
    if query.strip():
        searched = [c for c in ("document", "title", "outlet", "event_id", "doc_id") if c in frame.columns]
        haystack = frame[searched].astype(object).where(frame[searched].notna(), "").astype(str).agg(" ".join, axis=1)
        frame = frame[haystack.str.contains(query.strip(), case=False, regex=False)]
    if order != "corpus order":
        frame = frame.sort_values([order, "doc_id"], ascending=[False, True], na_position="last")
    st.caption(f"{len(documents):,} documents: the table shows the first {min(len(frame), MAX_TABLE_ROWS):,} of the {len(frame):,} "
               f"{'found' if query.strip() else 'in this order'}, so it opens fast; search or change the order to reach the others. "
               "A column header sorts the rows shown; the Export page has every row.")
    return frame.head(MAX_TABLE_ROWS)


documents, shown, missing = _table(corpus.key, documents, labels)
table_rows = _limited(documents, shown)
selection = show_table(
    table_rows[shown], hide_index=True, width="stretch", key="overview_table",
    column_config={name: config for name, config in COLUMNS if name in shown},
    on_select="rerun", selection_mode="single-row",
)
picked = selection.selection.rows if selection is not None else []
if picked and picked[0] < len(table_rows):
    picked_id = str(table_rows["doc_id"].iloc[picked[0]])
    st.page_link("ui/pages/document.py", label=f"Open {labels[picked_id]}: every block, span and citation",
                 icon=":material/article:", query_params={"doc": picked_id})
else:
    st.caption("Select a row to open that document; click a column header to sort.")
if missing:
    st.caption("Columns with no values for this corpus yet (not shown): " + ", ".join(missing))

st.subheader("Charts")
if len(documents) > MAX_CHART_DOCUMENTS:
    st.caption(f"Per-document charts show the {MAX_CHART_DOCUMENTS} documents with the most authorial loaded wording per 1,000 words, of {len(documents)}, bodies too short for a rate last.")


@st.cache_resource(max_entries=4, show_spinner="Drawing the charts…")
def _figures(key: str, _results: Results, _labels: dict[str, str]) -> dict:
    """The Overview's plotly figures (None where a chart has no data), built once per corpus key.

    Per-document charts stay readable (and fast) only for a few dozen documents: above
    MAX_CHART_DOCUMENTS they show the densest ones, from the only tables they read (documents, spans).
    """
    from ui.components import charts  # plotly: imported after the table above is on its way to the browser

    documents = _results.documents
    chart_results = _results
    if len(documents) > MAX_CHART_DOCUMENTS:
        if has_values(documents, "loaded_per_1k_words"):
            # Bodies too short for a rate (charts.MIN_RATE_WORDS) come last: the density chart leaves them out.
            words = documents["body_words"] if "body_words" in documents else pd.Series(0, index=documents.index)
            long_enough = pd.to_numeric(words, errors="coerce").fillna(0) >= charts.MIN_RATE_WORDS
            order = documents.assign(_long=long_enough).sort_values(["_long", "loaded_per_1k_words", "doc_id"], ascending=[False, False, True])
        else:
            order = documents
        keep = order["doc_id"].astype(str).head(MAX_CHART_DOCUMENTS).tolist()
        chart_results = Results({"documents": for_docs(documents, keep), "spans": for_docs(_results.spans, keep)})
    chart_labels = {d: _labels[d] for d in chart_results.documents["doc_id"].astype(str)}
    return {
        "density": charts.loaded_density(chart_results, chart_labels),
        "boilerplate": charts.boilerplate_share(chart_results, chart_labels),
        "readability": charts.readability_vs_loaded(_results, _labels),
        "outlet_types": charts.outlet_types(_results),
        "timeline": charts.timeline(_results, _labels),
    }


figures = _figures(corpus.key, results, labels)
from ui.components.charts import MIN_RATE_WORDS  # noqa: E402 (plotly is loaded by now, after the table)


def show(name: str, figure, empty: str | None = None) -> None:
    """The figure, or why there is none: `empty` when the corpus has the data but nothing to draw."""
    if figure is None and empty:
        st.caption(f"ℹ️ {name}: {empty}")
    elif figure is None:
        not_available(name)
    else:
        st.plotly_chart(figure, width="stretch")


show("Loaded wording by voice and category", figures["density"],
     empty=None if results.spans.empty else "no lexicon term in the body of any document long enough to chart "
     f"({MIN_RATE_WORDS}+ body words); the spans table lists model hits and hits inside boilerplate.")
left, right = st.columns(2)
with left:
    show("Boilerplate share by category", figures["boilerplate"])
with right:
    show("Readability against loaded wording", figures["readability"],
         empty=None if not has_values(documents, "flesch_reading_ease") else "no document reads as English prose with "
         f"{MIN_RATE_WORDS}+ body words; the readability formulas and the lexicon are made for English.")
left, right = st.columns([1, 2])
with left:
    show("Outlet types", figures["outlet_types"])
with right:
    show("Timeline by publication date", figures["timeline"],
         empty=None if not has_values(documents, "published") else "no publication date could be read as a date.")

st.subheader("Inputs that could not be read")
if results.errors.empty:
    st.success("Every input was read.")
else:
    show_table(results.errors, hide_index=True, width="stretch",
                 column_config={"source": st.column_config.TextColumn("Input"), "error": st.column_config.TextColumn("Why", width="large")})
