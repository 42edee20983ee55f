// PeerBotStore
