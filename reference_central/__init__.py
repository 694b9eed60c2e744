"""A reference AMRIT central server: the central side of the van sync wire contract.

It serves MMU-API's ``/dataSync/*`` calls and Common-API's login and beneficiary ID
generation over real HTTP, backed by AMRIT's tables through SQLAlchemy Core. The
demo mode and the client's sync tests run it on 127.0.0.1.
"""

from reference_central.app import create_app
from reference_central.server import RunningCentral, start_server

__all__ = ["RunningCentral", "create_app", "start_server"]
