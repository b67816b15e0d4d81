def load_typed(path):
    raise NotImplementedError("a custom loader init does not run")
