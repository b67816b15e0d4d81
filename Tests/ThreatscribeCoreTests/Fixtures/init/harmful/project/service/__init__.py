# If threatscribe init ever imported this package, these lines would leave a marker and then hang.
import os
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "EXECUTED"), "w").write("imported")
while True:
    pass
