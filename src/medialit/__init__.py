"""medialit: a media-literacy course engine."""
