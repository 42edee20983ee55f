// PeerLearning
