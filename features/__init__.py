"""The agreement's semantics in Gherkin: one .feature per section, and the step vocabulary.

`features.steps` holds the one vocabulary that both pytest-bdd
(`tests/test_features.py`) and `npa spec` (`features.runner`) use.
"""
