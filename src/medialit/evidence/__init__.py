"""The source packet as learners meet it: excerpts shown with their documents, an offline
search over the packet for lateral reading, and "check the checker" exercises."""
