"""Turning failures into a clear message on the page: the analyst never sees a traceback."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from .components.tables import md_escape


def describe(exc: BaseException) -> str:
    """A one-line, human description of an exception (its type only when the message is empty)."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return message or type(exc).__name__


@contextmanager
def guard(what: str) -> Iterator[None]:
    """Run a block; an exception becomes an st.error naming what was being done. Reruns and stops pass through.

    Streamlit's rerun/stop signals derive from BaseException, so catching Exception leaves them alone.
    """
    try:
        yield
    except Exception as exc:  # the page must show a message, never a traceback
        st.error(f"Something went wrong while {what}: {md_escape(describe(exc))}. The rest of the dashboard still works; "
                 "try another page or another corpus.", icon="⚠️")
