from engine.server import Engine

engine = Engine()
app = engine.app()
