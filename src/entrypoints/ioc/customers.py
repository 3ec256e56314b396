"""The signed-in customer's own account: profile, password, deletion and address book."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.pincode_directory import SqlaPincodeDirectory
from application.customer.commands.add_address import AddAddressHandler
from application.customer.commands.change_address import ChangeAddressHandler
from application.customer.commands.change_password import ChangePasswordHandler
from application.customer.commands.delete_account import DeleteAccountHandler
from application.customer.commands.remove_address import RemoveAddressHandler
from application.customer.commands.update_profile import UpdateProfileHandler
from application.customer.queries.get_address import GetAddress
from application.customer.queries.get_profile import GetProfile
from application.customer.queries.list_addresses import ListAddresses
from application.serviceability.ports import PincodeDirectory


class CustomerProvider(Provider):
    scope = Scope.REQUEST

    pincodes = provide(SqlaPincodeDirectory, provides=PincodeDirectory)
    handlers = provide_all(
        GetProfile,
        UpdateProfileHandler,
        ChangePasswordHandler,
        DeleteAccountHandler,
        ListAddresses,
        GetAddress,
        AddAddressHandler,
        ChangeAddressHandler,
        RemoveAddressHandler,
    )
