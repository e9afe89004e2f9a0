"""Compare: an event's documents (or 2–4 chosen ones) side by side, same sections in the same order.

The selection lives in the URL (?event=… or ?docs=a,b,c) so an analyst can share the view.
"""
import pandas as pd
import streamlit as st

from analysis.outlets import ATTRIBUTION
from ui import corpus_state
from ui.components import charts
from ui.components.event_editor import event_editor
from ui.components.highlight import category_colors, escape, highlighted_html, legend_html
from ui.components.outlet_card import outlet_card_html
from ui.components.tables import doc_labels, event_headlines, for_docs, has_values, md_escape, not_available, short_labels, show_table, table, text

MAX_PICKED = 4
MAX_EVENT_COLUMNS = 6
EVENT, DOCUMENTS = "event", "documents"
ALL_DOCUMENTS = "all"

def no_terms_reason(row: pd.Series, event_sizes: pd.Series) -> str:
    """What a document's empty distinctive-terms column means."""
    event = text(row.get("event_id"))
    if not event:
        return "(in no event: nothing to compare with)"
    if event_sizes.get(event, 0) <= 1:
        return "(the only document of its event: nothing to compare with)"
    return "(no term stands out)"


corpus = corpus_state.require()
results = corpus.results
documents = results.documents
labels = doc_labels(documents)
all_ids = list(labels)

st.title("Compare")
event_editor()

event_sizes = documents["event_id"].fillna("").astype(str).value_counts() if "event_id" in documents else pd.Series(dtype=int)
event_sizes = event_sizes[event_sizes.index != ""]
events = sorted(event_sizes.index, key=lambda e: (-event_sizes[e], e))
# A small corpus (the seeds) can be read all at once: offer every document as one more "event", first.
if events and 2 <= len(all_ids) <= MAX_EVENT_COLUMNS:
    events = [ALL_DOCUMENTS] + events
    event_sizes[ALL_DOCUMENTS] = len(all_ids)

# First visit in this session: take the selection from the URL, else a sensible default.
if "compare_mode" not in st.session_state:
    wanted_docs = [d for d in st.query_params.get("docs", "").split(",") if d in labels]
    wanted_event = st.query_params.get("event", "")
    if wanted_docs and wanted_event in events:
        # A large event's own choice of documents, as the link below writes it.
        st.session_state.compare_mode = EVENT
        st.session_state.compare_event = wanted_event
        st.session_state.compare_event_docs = wanted_docs[:MAX_EVENT_COLUMNS]
        st.session_state.compare_event_docs_for = wanted_event
    elif wanted_docs:
        st.session_state.compare_mode = DOCUMENTS
        st.session_state.compare_docs = wanted_docs[:MAX_PICKED]
    elif wanted_event in events or (events and not wanted_event):
        st.session_state.compare_mode = EVENT
        st.session_state.compare_event = wanted_event if wanted_event in events else events[0]
    else:
        st.session_state.compare_mode = DOCUMENTS
        st.session_state.compare_docs = all_ids[:MAX_PICKED]
if st.session_state.compare_mode == EVENT and not events:
    st.session_state.compare_mode = DOCUMENTS

modes = [EVENT, DOCUMENTS] if events else [DOCUMENTS]
mode = st.radio("Compare", modes, horizontal=True, key="compare_mode",
                format_func={EVENT: "the documents of one event", DOCUMENTS: f"2–{MAX_PICKED} documents I pick"}.get)
if not events:
    st.caption("No events are grouped in this corpus yet, so pick the documents to compare.")

if mode == EVENT:
    if st.session_state.get("compare_event") not in events:
        st.session_state.compare_event = events[0]
    headlines = event_headlines(documents)
    event = st.selectbox("Event", events, key="compare_event",
                         format_func=lambda e: f"every document, all events ({event_sizes[e]})" if e == ALL_DOCUMENTS
                         else f"{e} ({event_sizes[e]} document{'s' if event_sizes[e] != 1 else ''})" + (f" · {headlines[e]}" if headlines.get(e) else ""))
    if event == ALL_DOCUMENTS:
        doc_ids = list(all_ids)
    else:
        doc_ids = documents.loc[documents["event_id"].astype(str) == event, "doc_id"].astype(str).tolist()
    chosen_in_event = len(doc_ids) > MAX_EVENT_COLUMNS
    if chosen_in_event:
        if st.session_state.get("compare_event_docs_for") != event:
            # A new event starts from its first documents (or the link's choice, set above).
            st.session_state.compare_event_docs = doc_ids[:MAX_EVENT_COLUMNS]
            st.session_state.compare_event_docs_for = event
        st.session_state.compare_event_docs = [d for d in st.session_state.compare_event_docs if d in doc_ids]
        doc_ids = st.multiselect(f"This event has {len(doc_ids)} documents: choose up to {MAX_EVENT_COLUMNS}", doc_ids,
                                 max_selections=MAX_EVENT_COLUMNS, format_func=labels.get, key="compare_event_docs")
    st.query_params.clear()
    st.query_params["event"] = event
    if chosen_in_event and doc_ids:
        st.query_params["docs"] = ",".join(doc_ids)
else:
    st.session_state.compare_docs = [d for d in st.session_state.get("compare_docs", all_ids[:MAX_PICKED]) if d in labels][:MAX_PICKED]
    doc_ids = st.multiselect("Documents", all_ids, max_selections=MAX_PICKED, format_func=labels.get, key="compare_docs")
    st.query_params.clear()
    if doc_ids:
        st.query_params["docs"] = ",".join(doc_ids)

if len(doc_ids) < 2:
    st.info("Choose at least two documents to compare.")
    st.stop()

chosen = documents[documents["doc_id"].astype(str).isin(doc_ids)].set_index(documents["doc_id"].astype(str)[documents["doc_id"].astype(str).isin(doc_ids)])
spans = for_docs(results.spans, doc_ids)
blocks = for_docs(results.blocks, doc_ids)
colors = category_colors(spans["category"] if "category" in spans else [])

collapse = st.toggle("Collapse boilerplate", value=True, key="compare_collapse")
st.html(legend_html(colors))

columns = st.columns(len(doc_ids), gap="small")
for column, doc_id in zip(columns, doc_ids):
    row = chosen.loc[doc_id]
    with column:
        st.html(outlet_card_html(row, height=330, title=True))
        document_text = corpus.texts.get(doc_id)
        with st.container(height=520):
            if document_text is None:
                st.caption("The text of this document is not available.")
            else:
                st.html(highlighted_html(document_text, blocks[blocks["doc_id"].astype(str) == doc_id] if not blocks.empty else None,
                                         spans[spans["doc_id"].astype(str) == doc_id] if not spans.empty else None, colors, collapse))
        st.page_link("ui/pages/document.py", label="Open this document", help="Every block, span and citation behind its scores", query_params={"doc": doc_id})

short = short_labels({d: labels[d] for d in doc_ids})

st.subheader("Naming: what each document calls the same referent")
naming = for_docs(results.naming, doc_ids)
if naming.empty:
    not_available("Naming table")
else:
    voice = naming["voice"].fillna("").astype(str) if "voice" in naming.columns else pd.Series("", index=naming.index)
    naming = naming.assign(entry=naming["term"].astype(str) + " (" + naming["count"].astype(str)
                           + voice.map(lambda v: f", {v}" if v and v != "authorial" else "") + ")")
    pivot = naming.groupby(["referent", "doc_id"])["entry"].agg("; ".join).unstack("doc_id").reindex(columns=doc_ids)
    pivot = pivot.astype(object).where(pivot.notna(), "—")
    show_table(pivot.rename(columns=short), width="stretch")

st.subheader("Distinctive terms")
terms = for_docs(results.distinctive_terms, doc_ids)
if terms.empty:
    not_available("Distinctive terms")
else:
    top = {}
    strongest = 0.0
    for doc_id in doc_ids:
        rows = terms[terms["doc_id"].astype(str) == doc_id].sort_values(["z_score", "term"], ascending=[False, True]).head(12)
        top[short[doc_id]] = [f"{t} ({z:.1f})" for t, z in zip(rows["term"], rows["z_score"])] or [no_terms_reason(chosen.loc[doc_id], event_sizes)]
        strongest = max([strongest, *rows["z_score"].abs().tolist()])
    length = max(len(v) for v in top.values())
    show_table(pd.DataFrame({k: v + [""] * (length - len(v)) for k, v in top.items()}), hide_index=True, width="stretch")
    st.caption("z-score: how much more often the document uses the term than the other documents of its event"
               + (". None of the terms shown reaches |z| ≥ 1.96, the usual mark of significance: short articles rarely do, so read them as leads."
                  if strongest < 1.96 else "; |z| ≥ 1.96 is the usual mark of significance."))

st.subheader("Frame profile")
figure = charts.frame_profile(results, doc_ids, labels)
if figure is None:
    not_available("Frame profile")
else:
    st.plotly_chart(figure, width="stretch")

st.subheader("Quoted actors")
actors = for_docs(table(results, "actors", "quoted_actors"), doc_ids)
if actors.empty or "name" not in actors.columns:
    not_available("Quoted actors")
else:
    def describe_actor(row: pd.Series) -> str:
        parts = [f"{text(row.get(c))} {c}" for c in ("quoted", "paraphrased") if text(row.get(c)) not in ("", "0")]
        verbs = text(row.get("verbs"))
        return (", ".join(parts) or f"{text(row.get('mentions'), '?')} mentions") + (f" · {verbs}" if verbs else "")

    cells = actors.assign(cell=actors.apply(describe_actor, axis=1), doc_id=actors["doc_id"].astype(str))
    lined = cells.groupby(["name", "doc_id"])["cell"].agg("; ".join).unstack("doc_id").reindex(columns=doc_ids)
    lined = lined.astype(object).where(lined.notna(), "—").rename(columns=short)
    show_table(lined, width="stretch")
    st.caption("Each cell: how often the document quotes (in quotation marks) or paraphrases the actor, and the verbs it uses.")

st.subheader("Label conflicts")
citations = for_docs(results.citations, doc_ids)
if citations.empty or "label_conflict" not in citations:
    not_available("Label conflicts (citations)")
else:
    conflicts = citations[citations["label_conflict"].astype(str).str.lower().isin(["true", "1"])]
    if conflicts.empty:
        st.caption("No document labels a cited source differently from the registry.")
    else:
        show_table(conflicts.assign(document=conflicts["doc_id"].astype(str).map(short)).drop(columns=["doc_id"]), hide_index=True, width="stretch")
    st.caption("Sources of the registry labels. " + md_escape(ATTRIBUTION))

st.subheader("Pairwise similarity")
pairs = results.comparisons
if not pairs.empty and {"doc_a", "doc_b"} <= set(pairs.columns):
    pairs = pairs[pairs["doc_a"].astype(str).isin(doc_ids) & pairs["doc_b"].astype(str).isin(doc_ids)]
if pairs.empty:
    not_available("Pairwise comparisons")
else:
    show_table(pairs.assign(doc_a=pairs["doc_a"].astype(str).map(short), doc_b=pairs["doc_b"].astype(str).map(short)), hide_index=True, width="stretch")
