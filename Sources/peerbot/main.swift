print("peerbot")
