"""The Streamlit dashboard's pages and components. Renders analysis.Results; computes no scores."""
