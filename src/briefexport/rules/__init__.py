"""Rules a brief follows wherever it comes from: used alike by the reader, the importers and the
writers that must produce what the importers read back.

Nothing here knows about XML or any file format: links (which schemes, what makes a URL sound),
dates (partial ISO 8601 dates, dates as English briefs print them) and the printed shape of a web
citation.
"""
