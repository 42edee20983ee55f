// PeerBot
