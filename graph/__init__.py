"""Graph stores: the embedded LadybugDB store and the shared Neo4j store behind one interface."""

from plangraph.graph.open import open_store
from plangraph.graph.store import GraphStore, StoreError

__all__ = ["GraphStore", "StoreError", "open_store"]
