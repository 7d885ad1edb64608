"""Reference data: the NUTS classification and the countries the graph links to."""
