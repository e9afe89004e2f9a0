"""Document: one document with every block, span and citation behind its scores, and their evidence."""
import pandas as pd
import streamlit as st

from analysis.loaded import MODEL_SCORE_NOTE
from analysis.outlets import ATTRIBUTION
from ui import corpus_state
from ui.components.highlight import category_colors, highlighted_html, legend_html
from ui.components.outlet_card import outlet_card_html
from ui.components.tables import doc_labels, for_docs, md_escape, not_available, show_table, text

corpus = corpus_state.require()
results = corpus.results
documents = results.documents
labels = doc_labels(documents)
if not labels:
    st.info("This corpus has no documents.")
    st.stop()

st.title("Document")
ids = list(labels)
if "document_choice" not in st.session_state or st.session_state.document_choice not in labels:
    wanted = st.query_params.get("doc", "")
    st.session_state.document_choice = wanted if wanted in labels else ids[0]
doc_id = st.selectbox("Document", ids, format_func=labels.get, key="document_choice")
st.query_params["doc"] = doc_id

row = documents[documents["doc_id"].astype(str) == doc_id].iloc[0]
spans = for_docs(results.spans, [doc_id])
blocks = for_docs(results.blocks, [doc_id])
citations = for_docs(results.citations, [doc_id])

left, right = st.columns([1, 2])
with left:
    st.html(outlet_card_html(row))
    st.caption("Sources of the outlet labels (the card above, the cited sources below). " + md_escape(ATTRIBUTION))
    st.markdown("**Scores**")
    scores = row.drop(labels=[c for c in ("title", "source", "doc_id", "outlet_evidence", "metadata_evidence", "url") if c in row.index])
    show_table(pd.DataFrame({"value": scores.map(lambda v: text(v, "–"))}), width="stretch")
    st.markdown("**Where the metadata came from**")
    evidence = text(row.get("metadata_evidence"))
    if evidence:
        show_table(pd.DataFrame([part.split(": ", 1) + [""] * (1 - part.count(": ")) for part in evidence.split("; ")], columns=["field", "evidence"]),
                     hide_index=True, width="stretch")
    else:
        not_available("Metadata evidence")
with right:
    colors = category_colors(spans["category"] if "category" in spans else [])
    collapse = st.toggle("Collapse boilerplate", value=False, key="document_collapse")
    st.html(legend_html(colors))
    document_text = corpus.texts.get(doc_id)
    with st.container(height=640):
        if document_text is None:
            st.caption("The text of this document is not available.")
        else:
            st.html(highlighted_html(document_text, blocks if not blocks.empty else None, spans if not spans.empty else None, colors, collapse))

st.subheader("Loaded-wording spans")
if spans.empty:
    not_available("Loaded-wording spans")
else:
    show_table(spans.drop(columns=["doc_id"]), hide_index=True, width="stretch",
                 column_config={"score": st.column_config.NumberColumn("score", format="%.3f", help="lexicon: 1; model: the classifier's probability, explained below the table"),
                                "in_boilerplate": st.column_config.CheckboxColumn("in boilerplate")})
    st.caption("voice: authorial = the document's own words; quoted = inside quotation marks; attributed = reported speech. "
               "source: lexicon = a listed term (score 1); model = found by the classifier. " + MODEL_SCORE_NOTE)

st.subheader("Blocks")
if blocks.empty:
    not_available("Blocks")
else:
    kinds = blocks["kind"].astype(str).value_counts()
    st.caption(" · ".join(f"{count} {kind}" for kind, count in kinds.items()))
    show_table(blocks.drop(columns=["doc_id"]), hide_index=True, width="stretch",
                 column_config={"text": st.column_config.TextColumn("text", width="large")})

st.subheader("Cited sources")
if citations.empty:
    not_available("Cited sources")
else:
    show_table(citations.drop(columns=["doc_id"]), hide_index=True, width="stretch",
                 column_config={"label_conflict": st.column_config.CheckboxColumn("label conflict")})

for name in sorted(n for n in results.tables if n not in ("documents", "spans", "blocks", "citations", "errors")):
    extra = for_docs(results.tables[name], [doc_id])
    if not extra.empty:
        with st.expander(f"{name} ({len(extra)} rows)"):
            show_table(extra.drop(columns=["doc_id"]), hide_index=True, width="stretch")
