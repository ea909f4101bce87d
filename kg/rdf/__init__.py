"""The graph: RDF terms of the ontology, the graph built from extractions, reading a graph file or a store, writing Turtle."""
