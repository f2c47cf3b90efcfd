"""Demo data: the five wards of the seeds in one demo province, loaded through the importer."""
