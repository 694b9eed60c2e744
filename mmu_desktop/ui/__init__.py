"""The Qt screens of MMU Desktop; the only package that imports Qt."""
