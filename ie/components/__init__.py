"""The spaCy side of the system: the tokenizer and sentence splitter, the joint NER +
relation component (``planning_ie``), the normalizer, the rule baseline, and the
conversion of a processed ``Doc`` into the shared result format.

spaCy finds the factories through the package's entry points (``pyproject.toml``);
each component calls :func:`ie.components.extensions.install_extensions` when it is
built, so importing a module registers no ``Doc``/``Span`` attribute.
"""
