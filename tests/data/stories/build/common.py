"""Shared registry for the story definitions.

Each story: slug, first-report time (UTC), list of items, and the slugs of the
stories it is a deliberate hard negative for.  Each item is a tuple
(offset_minutes, lang, source, feed, title, summary, link).  The link "GN"
stands for a Google News redirect URL, generated deterministically in build.py.
"""
STORIES = []


def story(slug, base, items, hn=(), note=""):
    STORIES.append(dict(slug=slug, base=base, items=items, hn=list(hn), note=note))
