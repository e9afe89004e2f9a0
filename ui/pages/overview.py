"""Overview: every document in one sortable table, the charts, and the inputs that could not be read."""
import streamlit as st

from ui import corpus_state
from ui.components import charts
from ui.components.tables import doc_labels, has_values, not_available, present

corpus = corpus_state.require()
results = corpus.results
documents = results.documents
labels = doc_labels(documents)

st.title("Overview")
st.caption(f"Corpus: {corpus.label}. Every figure below comes from the analysis tables; open a document to see the spans, blocks and registry rows behind it.")

events = documents["event_id"].fillna("").astype(str).replace("", None).dropna().nunique() if "event_id" in documents else 0
metrics = st.columns(4)
metrics[0].metric("Documents", len(documents))
metrics[1].metric("Events", events)
metrics[2].metric("Loaded-wording spans", len(results.spans))
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
    ("flesch_reading_ease", st.column_config.NumberColumn("Reading ease", format="%.1f", help="Flesch reading ease: higher is easier")),
    ("flesch_kincaid_grade", st.column_config.NumberColumn("FK grade", format="%.1f")),
    ("gunning_fog", st.column_config.NumberColumn("Fog", format="%.1f")),
    ("doc_id", st.column_config.TextColumn("doc_id")),
]

st.subheader("Documents")
documents = documents.assign(document=documents["doc_id"].astype(str).map(labels))
shown = [name for name, _ in COLUMNS if name in documents.columns and (name in ("document", "doc_id") or has_values(documents, name))]
missing = [name for name, _ in COLUMNS if name not in shown]
st.dataframe(
    documents[shown], hide_index=True, width="stretch", key="overview_table",
    column_config={name: config for name, config in COLUMNS if name in shown},
)
if missing:
    st.caption("Columns with no values for this corpus yet (not shown): " + ", ".join(missing))

st.subheader("Charts")
left, right = st.columns(2)
CHARTS = [
    (left, "Loaded wording by voice and category", lambda: charts.loaded_density(results, labels)),
    (right, "Boilerplate share by category", lambda: charts.boilerplate_share(results, labels)),
    (left, "Readability against loaded wording", lambda: charts.readability_vs_loaded(results, labels)),
    (right, "Outlet types", lambda: charts.outlet_types(results)),
]
for column, name, make in CHARTS:
    with column:
        figure = make()
        if figure is None:
            not_available(name)
        else:
            st.plotly_chart(figure, width="stretch")
figure = charts.timeline(results, labels)
if figure is None:
    not_available("Timeline by publication date")
else:
    st.plotly_chart(figure, width="stretch")

st.subheader("Inputs that could not be read")
if results.errors.empty:
    st.success("Every input was read.")
else:
    st.dataframe(results.errors, hide_index=True, width="stretch",
                 column_config={"source": st.column_config.TextColumn("Input"), "error": st.column_config.TextColumn("Why", width="large")})
