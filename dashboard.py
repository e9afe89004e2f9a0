"""The dashboard's entry point: navigation and corpus choice only; pages live in ui/pages.

    streamlit run dashboard.py                 # the bundled seed articles
    streamlit run dashboard.py -- PATH...      # your files or folders, or a folder of tables from the CLI
"""
import streamlit as st

from ui.errors import guard
from ui.sidebar import choose_corpus

# An emoji favicon is drawn in the page; a ":material/…:" one is fetched from fonts.gstatic.com on every load.
st.set_page_config(page_title="Source reliability & framing", page_icon="📰", layout="wide")

PAGES = [
    st.Page("ui/pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("ui/pages/compare.py", title="Compare", icon=":material/view_column:"),
    st.Page("ui/pages/document.py", title="Document", icon=":material/article:"),
    st.Page("ui/pages/lexicons.py", title="Lexicons", icon=":material/menu_book:"),
    st.Page("ui/pages/export.py", title="Export", icon=":material/download:"),
]

page = st.navigation(PAGES)
with guard("loading the corpus"):
    choose_corpus()
with guard(f"showing the {page.title} page"):
    page.run()
