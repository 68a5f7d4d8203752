"""Training the learned layer (``tacitus.learn``): corpora, cross-validation, threshold tuning, fitting.

Not part of the runtime path: the coder never imports this package. It needs scikit-learn (the ``train``
extra): ``python -m tacitus.training.train --out DIR --utd FILE --plover FILE`` or ``tacitus train``.
"""
