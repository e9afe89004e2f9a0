"""Export: every table as CSV (or Parquet), one button each plus one zip; the same bytes the CLI writes."""
import streamlit as st

from analysis import export
from ui import corpus_state
from ui.components.tables import md_escape

corpus = corpus_state.require()
results = corpus.results

st.title("Export")
st.caption("The same files `python -m analysis score … --out DIR` writes for this corpus, byte for byte. "
           "Text cells a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) get a leading apostrophe; numbers stay numbers.")

fmt = st.radio("Format", export.FORMATS, horizontal=True, key="export_format", format_func=str.upper)
mime = "text/csv" if fmt == "csv" else "application/vnd.apache.parquet"
files = corpus_state.export_files(corpus.key, fmt, results)

st.download_button(f"Download every table (.zip of {fmt.upper()})", files["*zip*"], file_name=f"tables-{fmt}.zip",
                   mime="application/zip", type="primary", key=f"export_zip_{fmt}", on_click="ignore")

st.subheader("One table at a time")
for name in export.export_names(results):
    frame = results.tables[name]
    left, right = st.columns([3, 2])
    left.markdown(f"**{md_escape(name)}** · {len(frame)} rows × {len(frame.columns)} columns")
    with right:
        st.download_button(f"{name}.{fmt}", files[name], file_name=f"{name}.{fmt}", mime=mime,
                           key=f"export_{name}_{fmt}", on_click="ignore")
