"""The extraction stages, in pipeline order: one analysis per document (analysis, pipeline), normalisation and layout, recognisers of mentions, resolution to entities, relations and fundings."""
