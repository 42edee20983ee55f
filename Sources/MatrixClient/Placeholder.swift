// MatrixClient
