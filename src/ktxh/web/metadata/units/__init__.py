"""Administrative units: province, commune/ward/đặc khu, residential group, with lineage."""
