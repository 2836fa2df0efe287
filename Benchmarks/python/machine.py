"""What the benchmark scripts report about the machine's load."""


def cpu_pressure():
    """Linux PSI 'some avg10' of /proc/pressure/cpu in %, None where unavailable."""
    try:
        with open("/proc/pressure/cpu") as handle:
            for line in handle:
                if line.startswith("some "):
                    return float(line.split("avg10=")[1].split()[0])
    except (OSError, IndexError, ValueError):
        pass
    return None
