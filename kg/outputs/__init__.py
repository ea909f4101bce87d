"""What users read from a graph: named queries, exports, statistics, the browser view, the SPARQL endpoint and pushing to a remote store."""
