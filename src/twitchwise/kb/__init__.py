"""The knowledge base: sources, red flags, factors, actions and medicines, as data."""

from twitchwise.kb.loader import KnowledgeBaseError, load_knowledge_base
from twitchwise.kb.models import KnowledgeBase

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "load_knowledge_base"]
