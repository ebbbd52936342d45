// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that takes a reference and records it in the object's state
 * on success ("trf->state = ST_IDLE": the switch-off path tests the
 * state and puts) hands the reference to the object: a caller that
 * fails after it keeps the reference on purpose.  A helper that
 * records nothing still makes its caller's error return a leak.  The
 * helper's own failure that keeps the count is reported in the helper.
 * Slice of an NFC transceiver driver.
 */
#include <linux/device.h>
#include <linux/pm_runtime.h>

enum nfc_state { ST_PWR_OFF, ST_RF_OFF, ST_IDLE };

struct nfc_chip {
	struct device *dev;
	enum nfc_state state;
	int tech;
};

int nfc_chip_init(struct nfc_chip *chip);
int nfc_config_tech(struct nfc_chip *chip, int tech);

static int nfc_switch_rf_on(struct nfc_chip *chip)
{
	int ret;

	ret = pm_runtime_resume_and_get(chip->dev);
	if (ret < 0)
		return ret;
	if (chip->state != ST_RF_OFF) {
		pm_runtime_put(chip->dev);
		return -EINVAL;
	}
	chip->state = ST_IDLE;
	return 0;
}

static void nfc_switch_rf_off(struct nfc_chip *chip)
{
	if (chip->state == ST_RF_OFF)
		return;
	chip->state = ST_RF_OFF;
	pm_runtime_put(chip->dev);
}

static int good_configure_hw(struct nfc_chip *chip, int tech)
{
	int ret;

	if (chip->state == ST_RF_OFF) {
		ret = nfc_switch_rf_on(chip);
		if (ret)
			return ret;
	}
	ret = nfc_config_tech(chip, tech);
	if (ret)
		return ret;
	chip->tech = tech;
	return 0;
}

static int nfc_power_up(struct nfc_chip *chip)
{
	int ret;

	ret = pm_runtime_resume_and_get(chip->dev);
	if (ret < 0)
		return ret;
	if (chip->tech < 0) {
		pm_runtime_put(chip->dev);
		return -EINVAL;
	}
	return 0;
}

static int warn_configure_unrecorded(struct nfc_chip *chip, int tech)
{
	int ret;

	ret = nfc_power_up(chip);
	if (ret)
		return ret;
	ret = nfc_config_tech(chip, tech);
	if (ret)
		return ret;
	pm_runtime_put(chip->dev);
	return 0;
}

static void good_rf_off(struct nfc_chip *chip)
{
	nfc_switch_rf_off(chip);
}
/*
 * check-name: a reference a helper recorded in the object's state
 * check-output-ignore-notes
 *
 * check-output-start
leak-helper-records-owner.c:87:3: warning: 'warn_configure_unrecorded' returns an error with the runtime PM usage count of 'chip->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
